import { z } from 'zod';
import { dataScopeSchema, fieldAccessSchema, fieldMaskSchema, idSchema, userStatusSchema } from '../domain';

/**
 * Draft operations: small, serialisable descriptions of one edit. They are stored in the encrypted draft and
 * sent over IPC, so they carry ids only, never whole entities (the exceptions are the optional restore hints
 * below).
 *
 * Restore hints (`at`, `enabled`, `remark`, `label`, `sort`, `remove`): the UI never sets them. They keep list
 * order and CRM extras when an operation puts back what another took away (a hand-written policy file, a
 * rollback draft); undo itself replays the draft's gestures up to its head, it does not invert them. The planner
 * may ignore `at` (the CRM has no order for role grants or memberships) but must honour the rest.
 */

const ids = z.array(idSchema);
/** Insertion positions, parallel to the list they accompany; applied in the order given. */
const positions = z.array(z.number().int().min(0));
const sameLength = (a: readonly unknown[] | undefined, b: readonly unknown[]) => a === undefined || a.length === b.length;

/** roleIds × permissionIds cells: one paint gesture over the matrix. `at` (single role only) is a restore hint. */
export const grantPermissionsSchema = z
  .object({ type: z.literal('grantPermissions'), roleIds: ids, permissionIds: ids, at: positions.optional() })
  .refine((o) => o.at === undefined || (o.roleIds.length === 1 && sameLength(o.at, o.permissionIds)), {
    message: '`at` needs exactly one role and one position per permission',
  });
export const revokePermissionsSchema = z.object({ type: z.literal('revokePermissions'), roleIds: ids, permissionIds: ids });

export const setDataScopeSchema = z.object({ type: z.literal('setDataScope'), roleId: idSchema, dataScope: dataScopeSchema });

/** The id is chosen by the client (`new-role:<random>`); the connector maps it to the server's id after a re-read. */
export const createRoleSchema = z.object({
  type: z.literal('createRole'),
  roleId: idSchema,
  name: z.string().min(1).max(255),
  groupId: idSchema,
  dataScope: dataScopeSchema,
  permissionIds: ids,
  enabled: z.boolean().optional(),
  remark: z.string().max(100).nullable().optional(),
  label: z.number().int().nullable().optional(),
  at: z.number().int().min(0).optional(),
});
/** WukongCRM `/adminRole/copy` names the copy itself (`<name>(1)`); the draft carries the name the user chose. */
export const copyRoleSchema = z.object({
  type: z.literal('copyRole'),
  roleId: idSchema,
  sourceRoleId: idSchema,
  name: z.string().min(1).max(255),
});
export const renameRoleSchema = z.object({ type: z.literal('renameRole'), roleId: idSchema, name: z.string().min(1).max(255) });
export const deleteRoleSchema = z.object({ type: z.literal('deleteRole'), roleId: idSchema });

/** userIds × roleIds cells. `at` (single user only) is a restore hint: the role's position in the user's list. */
export const assignRolesSchema = z
  .object({ type: z.literal('assignRoles'), userIds: ids, roleIds: ids, at: positions.optional() })
  .refine((o) => o.at === undefined || (o.userIds.length === 1 && sameLength(o.at, o.roleIds)), {
    message: '`at` needs exactly one user and one position per role',
  });
export const unassignRolesSchema = z.object({ type: z.literal('unassignRoles'), userIds: ids, roleIds: ids });

export const moveUsersSchema = z.object({ type: z.literal('moveUsers'), userIds: ids, departmentId: idSchema });
export const setManagerSchema = z.object({ type: z.literal('setManager'), userId: idSchema, managerId: idSchema.nullable() });
export const setUserStatusSchema = z.object({ type: z.literal('setUserStatus'), userIds: ids, status: userStatusSchema });

/** WukongCRM `addDept` needs a parent: there is exactly one top-level department (reference §2). */
export const createDepartmentSchema = z.object({
  type: z.literal('createDepartment'),
  departmentId: idSchema,
  parentId: idSchema,
  name: z.string().min(1).max(64),
  sort: z.number().int().optional(),
  at: z.number().int().min(0).optional(),
});
export const renameDepartmentSchema = z.object({
  type: z.literal('renameDepartment'),
  departmentId: idSchema,
  name: z.string().min(1).max(64),
});
export const moveDepartmentSchema = z.object({ type: z.literal('moveDepartment'), departmentId: idSchema, parentId: idSchema });
export const deleteDepartmentSchema = z.object({ type: z.literal('deleteDepartment'), departmentId: idSchema });
export const setDepartmentHeadSchema = z.object({
  type: z.literal('setDepartmentHead'),
  departmentId: idSchema,
  headUserId: idSchema.nullable(),
});

/**
 * One field-rule cell. Absent `access` / `mask` keep the current value (or the CRM default for a new rule:
 * edit / none, reference §6 `queryRoleField`). `remove` deletes the stored rule; `at` places a new rule.
 */
export const fieldRuleCellSchema = z.object({
  roleId: idSchema,
  module: z.string().min(1).max(64),
  field: z.string().min(1).max(64),
  access: fieldAccessSchema.optional(),
  mask: fieldMaskSchema.optional(),
  remove: z.boolean().optional(),
  at: z.number().int().min(0).optional(),
});
export type FieldRuleCell = z.infer<typeof fieldRuleCellSchema>;
export const setFieldRulesSchema = z.object({ type: z.literal('setFieldRules'), cells: z.array(fieldRuleCellSchema) });

export const draftOperationSchema = z.discriminatedUnion('type', [
  grantPermissionsSchema,
  revokePermissionsSchema,
  setDataScopeSchema,
  createRoleSchema,
  copyRoleSchema,
  renameRoleSchema,
  deleteRoleSchema,
  assignRolesSchema,
  unassignRolesSchema,
  moveUsersSchema,
  setManagerSchema,
  setUserStatusSchema,
  createDepartmentSchema,
  renameDepartmentSchema,
  moveDepartmentSchema,
  deleteDepartmentSchema,
  setDepartmentHeadSchema,
  setFieldRulesSchema,
]);
export type DraftOperation = z.infer<typeof draftOperationSchema>;
export type DraftOperationType = DraftOperation['type'];
export type OperationOf<T extends DraftOperationType> = Extract<DraftOperation, { type: T }>;

/** One gesture = one batch = one undo step. */
export const draftBatchSchema = z.object({
  id: z.string().min(1).max(128),
  label: z.string().max(500).optional(),
  ops: z.array(draftOperationSchema),
});
export type DraftBatch = z.infer<typeof draftBatchSchema>;

export const DRAFT_OPERATION_TYPES: readonly DraftOperationType[] = draftOperationSchema.options.map(
  (o) => o.shape.type.value,
);

export function isBatch(input: readonly DraftOperation[] | DraftBatch): input is DraftBatch {
  return !Array.isArray(input);
}

/** The operations of either form `apply` and friends accept. */
export function opsOf(input: readonly DraftOperation[] | DraftBatch): readonly DraftOperation[] {
  return isBatch(input) ? input.ops : input;
}

/** Exhaustive switches end here: a new operation kind that is not handled fails to compile. */
export function missingCaseError(x: never): Error {
  return new Error(`unhandled case: ${JSON.stringify(x)}`);
}
