import type { FieldRule, Role, Snapshot, User } from '../domain';
import type { MatrixDelta, Splice } from './channels/drafts';
import type { RoleMatrix } from './channels/roles';

/**
 * `roles.matrix`, and what a gesture changed in it said as a delta: made in the main process, applied by the
 * renderer to the matrix it holds. Draft states share every row a gesture did not touch (apply is copy-on-write),
 * so the delta is found by comparing rows by identity, and costs what the gesture touched.
 */

/** People per role, as `roles.matrix` counts them; kept per users list, which a role-only gesture shares. */
const countsOf = new WeakMap<readonly User[], Record<string, number>>();
export function memberCounts(users: readonly User[]): Record<string, number> {
  let counts = countsOf.get(users);
  if (!counts) {
    counts = {};
    for (const user of users) for (const roleId of user.roleIds) counts[roleId] = (counts[roleId] ?? 0) + 1;
    countsOf.set(users, counts);
  }
  return counts;
}

/** `roles.matrix`: the view's roles (a draft's projection, or the base) beside the base's, and the catalogue. */
export function roleMatrix(base: Snapshot, view: Snapshot, withFieldRules: boolean): RoleMatrix {
  return {
    groups: view.roleGroups,
    permissions: view.permissions,
    fields: view.fields,
    baseRoles: base.roles,
    roles: view.roles,
    baseFieldRules: withFieldRules ? base.fieldRules : [],
    fieldRules: withFieldRules ? view.fieldRules : [],
    memberCounts: memberCounts(view.users),
  };
}

/** A draft state as the main process keeps it: its snapshot and an id no other state has. */
export interface DraftState {
  id: string;
  snapshot: Snapshot;
}

type MatrixRows = Pick<RoleMatrix, 'roles' | 'fieldRules' | 'memberCounts'>;
const rowsOf = (s: Snapshot): MatrixRows => ({ roles: s.roles, fieldRules: s.fieldRules, memberCounts: memberCounts(s.users) });

/** A role's fields besides its id and permissions; the type below fails to compile when the role gains one. */
const ROLE_FIELDS = ['name', 'groupId', 'dataScope', 'enabled', 'remark', 'label'] as const satisfies readonly (keyof Role)[];
type UnlistedRoleField = Exclude<keyof Role, 'id' | 'permissionIds' | (typeof ROLE_FIELDS)[number]>;
const everyRoleField: [UnlistedRoleField] extends [never] ? true : never = true;
void everyRoleField;
const fieldRuleKey = (r: FieldRule) => `${r.roleId}\u0000${r.module}\u0000${r.field}`;

/**
 * The delta from `before` to `after`, or null when it cannot be said as one (the catalogue changed, rows changed
 * order) or would not reproduce `after` exactly: the renderer then asks for the whole matrix.
 */
export function matrixDelta(before: DraftState, after: DraftState): MatrixDelta | null {
  const b = before.snapshot;
  const a = after.snapshot;
  // Draft operations never touch these; if something did, say nothing rather than something partial.
  if (b.roleGroups !== a.roleGroups || b.permissions !== a.permissions || b.fields !== a.fields) return null;
  const roles = diffRows(b.roles, a.roles, (r) => r.id, false);
  const fieldRules = diffRows(b.fieldRules, a.fieldRules, fieldRuleKey, true);
  if (!roles || !fieldRules) return null;
  const roleChanges: MatrixDelta['roleChanges'] = [];
  for (const [was, now] of roles.changed) {
    const permissionIds = diffRows(was.permissionIds, now.permissionIds, (id) => id, true);
    if (!permissionIds) return null;
    const set: Record<string, unknown> = {};
    for (const field of ROLE_FIELDS) if (was[field] !== now[field]) set[field] = now[field];
    roleChanges.push({ id: now.id, set, permissionIds: permissionIds.splices });
  }
  const delta: MatrixDelta = { from: before.id, to: after.id, roles: roles.splices, roleChanges, fieldRules: fieldRules.splices, memberCounts: {} };
  if (b.users !== a.users) {
    const was = memberCounts(b.users);
    const now = memberCounts(a.users);
    for (const id of Object.keys(was)) if (!(id in now)) delta.memberCounts[id] = 0;
    for (const [id, n] of Object.entries(now)) if (was[id] !== n) delta.memberCounts[id] = n;
  }
  // The renderer applies exactly this function: check it gives `after` before promising it does.
  const patched = patchRows(rowsOf(b), delta, true);
  return patched && sameRows(patched, rowsOf(a)) ? delta : null;
}

/**
 * `matrix` after the delta, or null when it does not fit (a position or a role it names is not there). A matrix
 * asked without field rules keeps its empty lists.
 */
export function applyMatrixDelta(matrix: RoleMatrix, delta: MatrixDelta, withFieldRules: boolean): RoleMatrix | null {
  const rows = patchRows(matrix, delta, withFieldRules);
  return rows && { ...matrix, ...rows };
}

function patchRows(matrix: MatrixRows, delta: MatrixDelta, withFieldRules: boolean): MatrixRows | null {
  const spliced = applySplices(matrix.roles, delta.roles);
  if (!spliced) return null;
  const roles = spliced === matrix.roles ? spliced.slice() : spliced;
  if (delta.roleChanges.length > 0) {
    const at = new Map(roles.map((r, i) => [r.id, i]));
    for (const change of delta.roleChanges) {
      const i = at.get(change.id);
      if (i === undefined) return null;
      const role = roles[i]!;
      const permissionIds = applySplices(role.permissionIds, change.permissionIds);
      if (!permissionIds) return null;
      roles[i] = { ...role, ...change.set, permissionIds };
    }
  }
  const fieldRules = withFieldRules ? applySplices(matrix.fieldRules, delta.fieldRules) : matrix.fieldRules;
  if (!fieldRules) return null;
  let counts = matrix.memberCounts;
  const changedCounts = Object.entries(delta.memberCounts);
  if (changedCounts.length > 0) {
    counts = { ...counts };
    for (const [id, n] of changedCounts) {
      if (n === 0) delete counts[id];
      else counts[id] = n;
    }
  }
  return { roles, fieldRules, memberCounts: counts };
}

/** `rows` after the splices, in one pass (`rows` itself without any); null when a splice does not fit. */
export function applySplices<T>(rows: T[], splices: readonly Splice<T>[]): T[] | null {
  if (splices.length === 0) return rows;
  const out: T[] = [];
  let read = 0;
  for (const { at, remove, insert } of splices) {
    const copy = at - out.length;
    if (copy < 0 || read + copy + remove > rows.length) return null;
    for (let k = 0; k < copy; k++) out.push(rows[read++]!);
    read += remove;
    for (const row of insert) out.push(row);
  }
  while (read < rows.length) out.push(rows[read++]!);
  return out;
}

/**
 * Splices that turn `before` into `after`, for rows with unique keys. Rows are the same when they are the same
 * object (what a copy-on-write apply leaves untouched); a row with a key on both sides but another object is
 * changed: put in a splice (`changedInSplice`) or listed apart. A row that moved (a role deleted and made again
 * under its id in one gesture) is taken out and put in again whole.
 */
export function diffRows<T>(
  before: readonly T[],
  after: readonly T[],
  keyOf: (row: T) => string,
  changedInSplice: boolean,
): { splices: Splice<T>[]; changed: [T, T][] } | null {
  const splices: Splice<T>[] = [];
  const changed: [T, T][] = [];
  if (before === after) return { splices, changed };
  // A gesture touches few rows: only the part between the common head and tail needs keys.
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  const beforeKeys = new Set<string>();
  for (let i = start; i < endB; i++) beforeKeys.add(keyOf(before[i]!));
  const afterKeys = new Set<string>();
  for (let j = start; j < endA; j++) afterKeys.add(keyOf(after[j]!));
  /** Keys taken out before their row's new place was reached: put in again whole when it is. */
  const moved = new Set<string>();
  let open: Splice<T> | null = null;
  const splice = (at: number) => {
    if (!open) splices.push((open = { at, remove: 0, insert: [] }));
    return open;
  };
  let i = start;
  let j = start;
  while (i < endB || j < endA) {
    const was = before[i];
    const now = after[j];
    if (i < endB && j < endA && was === now) {
      open = null;
      i++;
      j++;
    } else if (i < endB && !afterKeys.has(keyOf(was!))) {
      splice(j).remove++;
      i++;
    } else if (j < endA && (!beforeKeys.has(keyOf(now!)) || moved.has(keyOf(now!)))) {
      splice(j).insert.push(now!);
      j++;
    } else if (i < endB && j < endA && keyOf(was!) === keyOf(now!)) {
      if (changedInSplice) {
        const s = splice(j);
        s.remove++;
        s.insert.push(now!);
      } else {
        open = null;
        changed.push([was!, now!]);
      }
      i++;
      j++;
    } else if (i < endB) {
      moved.add(keyOf(was!));
      splice(j).remove++;
      i++;
    } else {
      return null; // keys were not unique
    }
  }
  return { splices, changed };
}

function sameRows(x: MatrixRows, y: MatrixRows): boolean {
  const countsX = Object.entries(x.memberCounts);
  return (
    sameList(x.fieldRules, y.fieldRules, () => false) &&
    sameList(x.roles, y.roles, sameRole) &&
    countsX.length === Object.keys(y.memberCounts).length &&
    countsX.every(([id, n]) => y.memberCounts[id] === n)
  );
}

function sameList<T>(x: readonly T[], y: readonly T[], same: (a: T, b: T) => boolean): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k] && !same(x[k]!, y[k]!)) return false;
  return true;
}

function sameRole(a: Role, b: Role): boolean {
  return a.id === b.id && ROLE_FIELDS.every((f) => a[f] === b[f]) && sameList(a.permissionIds, b.permissionIds, () => false);
}
