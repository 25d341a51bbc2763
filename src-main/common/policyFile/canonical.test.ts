import { describe, expect, it } from 'vitest';
import { snapshotSchema, type Snapshot } from '../domain';
import { canonicalSnapshot } from './canonical';

const snapshot = (edition?: Snapshot['edition']): Snapshot => snapshotSchema.parse({
  schemaVersion: 1,
  ...(edition ? { edition } : {}),
  source: { kind: 'demo', takenAt: '2026-01-01T00:00:00Z' },
  departments: [{ id: 'hq', parentId: null, name: 'HQ', headUserId: null }],
  users: [{ id: 'u', login: 'u', name: 'U', departmentId: 'hq', managerId: null, status: 'active', roleIds: ['9', '10', '2'] }],
  permissions: [],
  roleGroups: [],
  roles: ['2', '9', '10'].map((id) => ({ id, name: id, groupId: 'crm', dataScope: 1, permissionIds: [] })),
  fields: [],
  fieldRules: [],
});

describe('canonical snapshot file and the edition', () => {
  it('absent and the Java edition give the same file: neither is written', () => {
    const absent = JSON.stringify(canonicalSnapshot(snapshot()));
    expect(JSON.stringify(canonicalSnapshot(snapshot('wukong-crm-11')))).toBe(absent);
    expect(absent).not.toContain('edition');
    expect(canonicalSnapshot(snapshot()).users[0]!.roleIds).toEqual(['2', '9', '10']);
  });

  it('the PHP edition is written, and a user\'s roles keep their order (it decides the data scope there)', () => {
    const php = canonicalSnapshot(snapshot('wukong-php'));
    expect(php.edition).toBe('wukong-php');
    expect(php.users[0]!.roleIds).toEqual(['9', '10', '2']);
    expect(snapshotSchema.parse(JSON.parse(JSON.stringify(php)))).toEqual(php);
  });

  it('the snapshot schema takes no edition, either edition, and refuses another', () => {
    expect(snapshot().edition).toBeUndefined();
    expect(() => snapshot('dynamics' as Snapshot['edition'])).toThrow();
  });
});
