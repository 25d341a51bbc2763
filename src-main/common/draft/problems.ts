import type { Id, LocalizedText } from '../domain';

/**
 * Stable problem codes. Where the rule is the CRM's own, `WUKONG_CODES` names the error the server would return
 * (reference §9 `AdminCodeEnum`, §1.3); Gatehouse refuses the operation before it is ever sent.
 */
export type DraftProblemCode =
  | 'UNKNOWN_ROLE'
  | 'UNKNOWN_USER'
  | 'UNKNOWN_DEPARTMENT'
  | 'UNKNOWN_PERMISSION'
  | 'UNKNOWN_ROLE_GROUP'
  | 'UNKNOWN_FIELD'
  | 'ID_TAKEN'
  | 'ROLE_NAME_TAKEN'
  | 'PERMISSION_OUTSIDE_GROUP'
  | 'NO_DATA_SCOPE'
  | 'USER_NEEDS_ROLE'
  | 'USER_NEEDS_ROLE_TO_ENABLE'
  | 'ROLE_DELETE_LEAVES_USER_WITHOUT_ROLE'
  | 'SUPER_ADMIN_DISABLE'
  | 'STATUS_NOT_SETTABLE'
  | 'MANAGER_SELF'
  | 'MANAGER_CYCLE'
  | 'DEPARTMENT_CYCLE'
  | 'DEPARTMENT_HAS_USERS'
  | 'DEPARTMENT_HAS_CHILDREN'
  | 'DEPARTMENT_NAME_TOO_LONG'
  | 'FIELD_NOT_MASKABLE'
  | 'PROTECTED_ROLE';

/** The WukongCRM 11 code the server answers with for the same mistake (null: Gatehouse's own rule). */
export const WUKONG_CODES: Readonly<Record<DraftProblemCode, number | null>> = {
  UNKNOWN_ROLE: 1102,
  UNKNOWN_USER: 1125,
  UNKNOWN_DEPARTMENT: 1142,
  UNKNOWN_PERMISSION: null, // updateRoleMenu inserts any id unchecked (§4.2): we refuse dangling grants ourselves
  UNKNOWN_ROLE_GROUP: null,
  UNKNOWN_FIELD: null, // saveRoleField matches rows by id and silently skips the rest (§6)
  ID_TAKEN: null,
  ROLE_NAME_TAKEN: 1117,
  PERMISSION_OUTSIDE_GROUP: null, // getRoleByType only reads menus under the type's root (§4.2): others vanish
  NO_DATA_SCOPE: null,
  USER_NEEDS_ROLE: 1133,
  USER_NEEDS_ROLE_TO_ENABLE: 1113,
  ROLE_DELETE_LEAVES_USER_WITHOUT_ROLE: null, // /adminRole/delete does not check (§4.2); we warn
  SUPER_ADMIN_DISABLE: 1116,
  STATUS_NOT_SETTABLE: 400, // setUserStatus takes 0 or 1 only (§3)
  MANAGER_SELF: 1130,
  MANAGER_CYCLE: 1109,
  DEPARTMENT_CYCLE: 1110,
  DEPARTMENT_HAS_USERS: 1111,
  DEPARTMENT_HAS_CHILDREN: 1112,
  DEPARTMENT_NAME_TOO_LONG: 400, // AdminDeptBO name @Size(max=20) (§2)
  FIELD_NOT_MASKABLE: null, // saveRoleField forces maskType 0 on such fields (§6): the edit would be lost
  PROTECTED_ROLE: null, // the CRM's UI hides edits of the `admin` / `project` roles (§4.1)
};

/** Errors make `apply` refuse; warnings are shown and let the operation through. */
export type ProblemSeverity = 'error' | 'warning';

export const PROBLEM_SEVERITY: Readonly<Record<DraftProblemCode, ProblemSeverity>> = {
  UNKNOWN_ROLE: 'error',
  UNKNOWN_USER: 'error',
  UNKNOWN_DEPARTMENT: 'error',
  UNKNOWN_PERMISSION: 'error',
  UNKNOWN_ROLE_GROUP: 'error',
  UNKNOWN_FIELD: 'error',
  ID_TAKEN: 'error',
  ROLE_NAME_TAKEN: 'error',
  PERMISSION_OUTSIDE_GROUP: 'error',
  NO_DATA_SCOPE: 'error',
  USER_NEEDS_ROLE: 'error',
  USER_NEEDS_ROLE_TO_ENABLE: 'error',
  ROLE_DELETE_LEAVES_USER_WITHOUT_ROLE: 'warning',
  SUPER_ADMIN_DISABLE: 'error',
  STATUS_NOT_SETTABLE: 'error',
  MANAGER_SELF: 'error',
  MANAGER_CYCLE: 'error',
  DEPARTMENT_CYCLE: 'error',
  DEPARTMENT_HAS_USERS: 'error',
  DEPARTMENT_HAS_CHILDREN: 'error',
  DEPARTMENT_NAME_TOO_LONG: 'error',
  FIELD_NOT_MASKABLE: 'error',
  PROTECTED_ROLE: 'warning',
};

/** The entities a problem is about, so the UI can highlight them. */
export interface ProblemRefs {
  roleId?: Id;
  userId?: Id;
  departmentId?: Id;
  permissionId?: Id;
  groupId?: Id;
  /** The other party: the clashing role, the would-be manager, the would-be parent. */
  otherId?: Id;
  module?: string;
  field?: string;
}

export interface DraftProblem {
  code: DraftProblemCode;
  severity: ProblemSeverity;
  wukongCode: number | null;
  /** Index of the offending operation in the list that was checked. */
  opIndex: number;
  message: LocalizedText;
  refs: ProblemRefs;
}

export function problem(code: DraftProblemCode, opIndex: number, message: LocalizedText, refs: ProblemRefs): DraftProblem {
  return { code, severity: PROBLEM_SEVERITY[code], wukongCode: WUKONG_CODES[code], opIndex, message, refs };
}

export const isError = (p: DraftProblem): boolean => p.severity === 'error';

/** Thrown by `apply` for an operation `validate` rejects; `code` is the first problem's code. */
export class DraftRejectedError extends Error {
  readonly code: DraftProblemCode;
  constructor(readonly problems: readonly [DraftProblem, ...DraftProblem[]]) {
    const first = problems[0];
    super(`${first.code} (operation ${first.opIndex}): ${first.message.en}`);
    this.name = 'DraftRejectedError';
    this.code = first.code;
  }
}
