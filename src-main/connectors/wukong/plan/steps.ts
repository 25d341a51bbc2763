import { z } from 'zod';
import { idSchema } from '../../../common/domain';

/**
 * One planned step of a push: an intent, not a frozen request body. Bodies that depend on the server's state
 * (the full grant list `updateRoleMenu` replaces, the field rows `saveRoleField` matches by id, the fields
 * `setUser` copies) are computed from a re-read right before sending (reference §4.2, §6, §3), so a concurrent
 * change by someone else survives. Ids are domain ids: a draft id (`new-role:…`) is resolved to the server's
 * id once the step that creates it has found it by re-reading (§9: writes return no ids).
 *
 * Steps are stored in the push journal as JSON and parsed back with `pushStepSchema` on resume.
 */
const ref = idSchema;
const refs = z.array(idSchema);

export const pushStepSchema = z.discriminatedUnion('kind', [
  /** `existing`: ids of departments with this parent and name when the plan was made (ours is the new one). */
  z.object({ kind: z.literal('createDepartment'), ref: idSchema, parent: ref, name: z.string().min(1), head: ref.nullable(), existing: z.array(z.number().int()) }),
  /**
   * Only the fields given change; the others are re-read and sent as they are (`setDept` writes all three, §2).
   * `from`: the values the plan was made on — a field someone else changed since then is left as they set it.
   */
  z.object({
    kind: z.literal('updateDepartment'),
    department: ref,
    name: z.string().min(1).optional(),
    parent: ref.optional(),
    head: ref.nullable().optional(),
    from: z.object({ name: z.string(), parent: ref.nullable(), head: ref.nullable() }).optional(),
  }),
  /**
   * `add` stores every non-null field it is given (MyBatis-Plus `save`, `AdminRoleServiceImpl#add`), so the data
   * scope goes with it: a new role never sits at the column default 5 (全部) waiting for a later step.
   */
  z.object({
    kind: z.literal('createRole'),
    ref: idSchema,
    roleType: z.number().int(),
    name: z.string().min(1),
    label: z.number().int().nullable(),
    dataScope: z.number().int().min(1).max(5).optional(),
    existing: z.array(z.number().int()),
  }),
  z.object({ kind: z.literal('renameRole'), role: ref, roleType: z.number().int(), name: z.string().min(1), from: z.string().optional() }),
  /** Grants added and removed, and the scope / status to set: sent as server-now ∪ grant − revoke (§4.2). */
  z.object({
    kind: z.literal('setRoleAccess'),
    role: ref,
    roleType: z.number().int(),
    grant: refs,
    revoke: refs,
    dataScope: z.number().int().min(1).max(5).optional(),
    enabled: z.boolean().optional(),
  }),
  z.object({
    kind: z.literal('setFieldRules'),
    role: ref,
    label: z.number().int(),
    cells: z.array(
      z.object({
        field: z.string().min(1),
        authLevel: z.number().int().min(1).max(3),
        maskType: z.number().int().min(0).max(2),
        /** The row as planned on (absent for a role the push creates): a row changed since then is left alone. */
        from: z.object({ authLevel: z.number().int(), maskType: z.number().int() }).optional(),
      }),
    ),
  }),
  /** `from`: each person's department when planned; someone moved elsewhere since then is not moved back. */
  z.object({ kind: z.literal('moveUsers'), department: ref, userIds: refs, from: z.record(idSchema, ref.nullable()).optional() }),
  z.object({ kind: z.literal('setManager'), userId: idSchema, login: z.string().min(1), manager: ref.nullable(), from: ref.nullable().optional() }),
  z.object({ kind: z.literal('assignRole'), role: ref, userIds: refs }),
  z.object({ kind: z.literal('unassignRole'), role: ref, userId: idSchema, login: z.string().min(1) }),
  z.object({ kind: z.literal('setUserStatus'), userIds: refs, status: z.enum(['active', 'disabled']) }),
  z.object({ kind: z.literal('deleteRole'), role: ref, roleType: z.number().int() }),
  z.object({ kind: z.literal('deleteDepartment'), department: ref }),
]);
export type PushStep = z.infer<typeof pushStepSchema>;
export type PushStepKind = PushStep['kind'];
export type StepOf<K extends PushStepKind> = Extract<PushStep, { kind: K }>;

/** The endpoint each step writes to (what the user sees before anything is sent). */
export const STEP_ENDPOINT: Readonly<Record<PushStepKind, string>> = {
  createDepartment: 'POST /adminDept/addDept',
  updateDepartment: 'POST /adminDept/setDept',
  createRole: 'POST /adminRole/add',
  renameRole: 'POST /adminRole/update',
  setRoleAccess: 'POST /adminRole/updateRoleMenu',
  setFieldRules: 'POST /crmField/saveRoleField',
  moveUsers: 'POST /adminUser/setUserDept',
  setManager: 'POST /adminUser/setUser',
  assignRole: 'POST /adminRole/relatedUser',
  unassignRole: 'POST /adminRole/unbindingUser',
  setUserStatus: 'POST /adminUser/setUserStatus',
  deleteRole: 'POST /adminRole/delete',
  deleteDepartment: 'POST /adminDept/deleteDept/{deptId}',
};

/** The response recorded in the journal for a finished step: the server id it learned, if any. */
export const stepResultSchema = z.object({
  /** The id the server gave the created role or department, found by re-reading (§9). */
  serverId: idSchema.optional(),
  /** True when the server already held the step's effect, so nothing was sent. */
  alreadyDone: z.boolean().optional(),
  /** True when the step was found applied while resuming an interrupted call. */
  confirmedOnResume: z.boolean().optional(),
  /** What was left alone because someone else changed it after the plan was made (ids of people, fields…). */
  changedElsewhere: z.array(z.string()).optional(),
});
export type StepResult = z.infer<typeof stepResultSchema>;
