import type { DataScope, FieldAccess, FieldMask, Id, UserStatus } from '../domain';

/**
 * A cell is the smallest thing a draft can change and a conflict can be about: one role × permission, one
 * role's scope, one user's manager, one field rule… The planner (issue 5), the plain-language change list
 * (issue 8) and the three-way rebase all speak in cells.
 */
export type CellRef =
  | { kind: 'role'; roleId: Id }
  | { kind: 'rolePermission'; roleId: Id; permissionId: Id }
  | { kind: 'roleScope'; roleId: Id }
  | { kind: 'roleName'; roleId: Id }
  | { kind: 'membership'; userId: Id; roleId: Id }
  | { kind: 'user'; userId: Id }
  | { kind: 'userDepartment'; userId: Id }
  | { kind: 'userManager'; userId: Id }
  | { kind: 'userStatus'; userId: Id }
  | { kind: 'department'; departmentId: Id }
  | { kind: 'departmentName'; departmentId: Id }
  | { kind: 'departmentParent'; departmentId: Id }
  | { kind: 'departmentHead'; departmentId: Id }
  | { kind: 'fieldRule'; roleId: Id; module: string; field: string };
export type CellKind = CellRef['kind'];

export interface RoleSummary {
  name: string;
  groupId: Id;
  dataScope: DataScope;
}
export interface UserSummary {
  name: string;
  departmentId: Id;
}
export interface DepartmentSummary {
  name: string;
  parentId: Id | null;
  headUserId: Id | null;
}
export interface FieldRuleValue {
  access: FieldAccess;
  mask: FieldMask;
}

/** The value a cell holds. Existence cells hold a summary, or null when the entity does not exist. */
export interface CellValues {
  role: RoleSummary | null;
  rolePermission: boolean;
  roleScope: DataScope;
  roleName: string;
  membership: boolean;
  user: UserSummary | null;
  userDepartment: Id;
  userManager: Id | null;
  userStatus: UserStatus;
  department: DepartmentSummary | null;
  departmentName: string;
  departmentParent: Id | null;
  departmentHead: Id | null;
  fieldRule: FieldRuleValue | null;
}

/** One changed cell: where, a stable string key, and the values on each side. */
export type CellChange = {
  [K in CellKind]: Extract<CellRef, { kind: K }> & { key: string; before: CellValues[K]; after: CellValues[K] };
}[CellKind];

/** A stable, unique string for a cell (ids may contain any character but NUL). */
export function cellKey(ref: CellRef): string {
  switch (ref.kind) {
    case 'role':
    case 'roleScope':
    case 'roleName':
      return `${ref.kind}\u0000${ref.roleId}`;
    case 'rolePermission':
      return `${ref.kind}\u0000${ref.roleId}\u0000${ref.permissionId}`;
    case 'membership':
      return `${ref.kind}\u0000${ref.userId}\u0000${ref.roleId}`;
    case 'user':
    case 'userDepartment':
    case 'userManager':
    case 'userStatus':
      return `${ref.kind}\u0000${ref.userId}`;
    case 'department':
    case 'departmentName':
    case 'departmentParent':
    case 'departmentHead':
      return `${ref.kind}\u0000${ref.departmentId}`;
    case 'fieldRule':
      return `${ref.kind}\u0000${ref.roleId}\u0000${ref.module}\u0000${ref.field}`;
  }
}

/** The entities a cell belongs to: if one of them disappears, the cell goes with it. */
export function cellOwners(ref: CellRef): Array<{ kind: 'role' | 'user' | 'department'; id: Id }> {
  switch (ref.kind) {
    case 'role':
    case 'rolePermission':
    case 'roleScope':
    case 'roleName':
    case 'fieldRule':
      return [{ kind: 'role', id: ref.roleId }];
    case 'membership':
      return [
        { kind: 'user', id: ref.userId },
        { kind: 'role', id: ref.roleId },
      ];
    case 'user':
    case 'userDepartment':
    case 'userManager':
    case 'userStatus':
      return [{ kind: 'user', id: ref.userId }];
    case 'department':
    case 'departmentName':
    case 'departmentParent':
    case 'departmentHead':
      return [{ kind: 'department', id: ref.departmentId }];
  }
}

export function change<K extends CellKind>(ref: Extract<CellRef, { kind: K }>, before: CellValues[K], after: CellValues[K]): CellChange {
  return { ...ref, key: cellKey(ref), before, after } as CellChange;
}

/** Deep equality for cell values (small JSON-like values). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
