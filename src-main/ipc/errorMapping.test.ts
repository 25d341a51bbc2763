import { describe, expect, it } from 'vitest';
import { compilePolicy, effectiveScope } from '../common/policy';
import { StoreError } from '../store';
import { toAppError } from './errorMapping';

const empty = compilePolicy({
  schemaVersion: 1,
  source: { kind: 'demo', takenAt: '2026-11-29T00:00:00Z' },
  departments: [],
  users: [],
  permissions: [],
  roleGroups: [],
  roles: [],
  fields: [],
  fieldRules: [],
  superUserIds: [],
});

describe('toAppError', () => {
  it('turns an unknown id asked of the engine into NOT_FOUND, not an internal error', () => {
    let thrown: unknown;
    try {
      effectiveScope(empty, 'nobody', '28');
    } catch (error) {
      thrown = error;
    }
    expect(toAppError(thrown)).toMatchObject({ code: 'NOT_FOUND', message: 'unknown user nobody' });
  });

  it('keeps the store codes a person can act on', () => {
    expect(toAppError(new StoreError('WRONG_KEY', 'wrong passphrase'))).toMatchObject({ code: 'WRONG_KEY' });
    expect(toAppError(new StoreError('WEAK_PASSPHRASE', 'too short'))).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('leaves anything unexpected to the dispatcher (INTERNAL)', () => {
    expect(toAppError(new Error('boom'))).toBeNull();
  });
});
