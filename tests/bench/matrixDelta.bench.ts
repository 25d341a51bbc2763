/**
 * What a gesture moves of the role matrix (`npm run bench:delta`): the bytes of the delta a gesture's answer
 * carries (`drafts.apply` / `undo`, common/ipc/roleMatrix.ts) beside the whole `roles.matrix` the renderer asked
 * again before (docs/decisions.md §22), on the generated demo organisation (seed 20261129, 300 roles), and the time
 * to find the delta. Numbers are reported, never asserted.
 *
 *   npm run bench:delta                 20k people
 *   npm run bench:delta -- 100000       another size
 */
import { apply, type DraftOperation } from '../../src-main/common/draft';
import type { Role } from '../../src-main/common/domain';
import { matrixDelta, roleMatrix } from '../../src-main/common/ipc';
import { demoSource } from '../../src-main/services/demoOrganisation';
import { loadBundledCatalogue } from '../../src-main/services/resources';

const people = Number(process.argv[2] ?? 20_000);
const base = demoSource(loadBundledCatalogue(), people).make();

// Gestures of the largest role group, on permissions its roles may hold (some of them already do).
const byGroup = new Map<string, Role[]>();
for (const r of base.roles) byGroup.set(r.groupId, [...(byGroup.get(r.groupId) ?? []), r]);
const roles = [...byGroup.values()].sort((a, b) => b.length - a.length)[0]!;
const held = new Set(roles.flatMap((r) => r.permissionIds));
const role = roles[5]!;
const actions = base.permissions.filter((p) => p.kind === 'action' && held.has(p.id));
const free = actions.find((p) => !role.permissionIds.includes(p.id))!;
const moduleActions = actions.filter((p) => p.parentId === free.parentId).map((p) => p.id);
const fields = base.fields.filter((f) => f.module === 'customer').slice(0, 4);
const gestures: Array<[string, DraftOperation[]]> = [
  ['one cell', [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [free.id] }]],
  [`row fill (${roles.length} roles)`, [{ type: 'grantPermissions', roleIds: roles.map((r) => r.id), permissionIds: [free.id] }]],
  [`column fill (${moduleActions.length} actions)`, [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: moduleActions }]],
  ['data scope', [{ type: 'setDataScope', roleId: role.id, dataScope: role.dataScope === 5 ? 1 : 5 }]],
  [`field rules (${fields.length} × 10 roles)`, [{ type: 'setFieldRules', cells: fields.flatMap((f) => roles.slice(0, 10).map((r) => ({ roleId: r.id, module: f.module, field: f.name, access: 'hidden' as const }))) }]],
  ['copy a role', [{ type: 'copyRole', roleId: 'new-role:bench', sourceRoleId: role.id, name: 'Bench copy' }]],
];

const kb = (value: unknown) => `${(JSON.stringify(value).length / 1024).toFixed(1)} KB`;
console.log(`${base.users.length} people, ${base.roles.length} roles, ${base.fieldRules.length} field rules`);
console.log(`roles.matrix asked whole: ${kb(roleMatrix(base, base, false))} (permission grid), ${kb(roleMatrix(base, base, true))} (field grid)`);
matrixDelta({ id: 'warm', snapshot: base }, { id: 'warm', snapshot: apply(base, gestures[0]![1]) }); // member counts of the base, JIT
console.log(`${'gesture'.padEnd(30)} ${'delta'.padStart(9)} ${'undo'.padStart(9)} ${'found in'.padStart(9)}`);
for (const [name, ops] of gestures) {
  const after = apply(base, ops);
  const started = performance.now();
  const delta = matrixDelta({ id: 'before', snapshot: base }, { id: 'after', snapshot: after });
  const took = performance.now() - started;
  const back = matrixDelta({ id: 'after', snapshot: after }, { id: 'before', snapshot: base });
  console.log(`${name.padEnd(30)} ${(delta ? kb(delta) : 'none').padStart(9)} ${(back ? kb(back) : 'none').padStart(9)} ${`${took.toFixed(1)} ms`.padStart(9)}`);
}
