import { describe, expect, it } from 'vitest';
import { buildOrg } from '../policy/testing/orgBuilder';
import { validateSnapshot } from './validateSnapshot';

describe('validateSnapshot says which problems the WukongCRM server itself can hold', () => {
  it('a user in a missing department, a department under one, cycles and a deleted role\'s field rows: the server can', () => {
    const s = buildOrg({
      departments: [['hq', null], ['east', 'gone'], ['x', 'y'], ['y', 'x']],
      roles: { r: { scope: 1, grants: [] } },
      users: [['a', 'gone', 'b', ['r']], ['b', 'hq', 'a', ['r']]],
      fieldRules: [{ roleId: 'deleted', module: 'customer', field: 'mobile', access: 'read', mask: 'list' }],
    });
    const problems = validateSnapshot(s);
    expect(problems.map((p) => [p.code, p.serverCanHold])).toEqual([
      ['MISSING_REFERENCE', true], // east: parent gone
      ['MISSING_REFERENCE', true], // a: department gone
      ['MISSING_REFERENCE', true], // field rule of the deleted role
      ['DEPARTMENT_CYCLE', true], ['DEPARTMENT_CYCLE', true],
      ['MANAGER_CYCLE', true], ['MANAGER_CYCLE', true],
    ]);
  });

  it('duplicate ids, unknown roles on a user and a second root are ours to refuse', () => {
    const s = buildOrg({
      departments: [['hq', null], ['hq2', null]],
      roles: { r: { scope: 1, grants: [] } },
      users: [['a', 'hq', null, ['nope']], ['a', 'hq', null, []]],
    });
    expect(validateSnapshot(s).map((p) => [p.code, p.serverCanHold])).toEqual([
      ['DUPLICATE_ID', false], ['ROOT_DEPARTMENT', false], ['MISSING_REFERENCE', false],
    ]);
  });
});
