import { z } from 'zod';
import { idSchema } from '../../../common/domain';
import { FIELD_GRANT_COLUMNS } from '../fieldGrants';

/**
 * One planned step of a push to WukongCRM 11.0 PHP: an intent, not a frozen request body. Bodies that depend on
 * the server's state — the whole rule set `groups/update` replaces, the whole field list `fieldGrant/update`
 * replaces, the roles `users/update` replaces — are computed from a re-read right before sending, so a concurrent
 * change by someone else survives. Ids are domain ids: a draft id (`new-role:…`) is resolved to the server's id
 * once the step that creates it has found it by re-reading (the server returns no ids, OBSERVED quirk 6).
 *
 * Steps are stored in the push journal as JSON and parsed back with `phpStepSchema` on resume.
 */
const ref = idSchema;
const refs = z.array(idSchema);
const bit = z.union([z.literal(0), z.literal(1)]);

export const phpStepSchema = z.discriminatedUnion('kind', [
  /** `existing`: ids of departments with this parent and name when the plan was made (ours is the new one). */
  z.object({ kind: z.literal('createDepartment'), ref: idSchema, parent: ref, name: z.string().min(1), head: ref.nullable(), existing: z.array(z.number().int()) }),
  /**
   * Only the fields given change (structures/update writes only the columns it is sent; `name` is always sent, re-read
   * when it does not change). `from`: the values the plan was made on — a field someone else changed since then is
   * left as they set it.
   */
  z.object({
    kind: z.literal('updateDepartment'),
    department: ref,
    name: z.string().min(1).optional(),
    parent: ref.optional(),
    head: ref.nullable().optional(),
    from: z.object({ name: z.string(), parent: ref.nullable(), head: ref.nullable() }).optional(),
  }),
  z.object({ kind: z.literal('deleteDepartment'), department: ref }),
  /**
   * `groups/save` with the title, category and data scope and no rules (the grants follow in a later step, after the
   * people it must not widen have been moved). `existing`: ids of roles with this title in the category when planned.
   */
  z.object({
    kind: z.literal('createRole'),
    ref: idSchema,
    category: z.number().int(),
    name: z.string().min(1),
    dataScope: z.number().int().min(1).max(5),
    remark: z.string().optional(),
    existing: z.array(z.number().int()),
  }),
  /** `groups/update` with the title alone (rules untouched). */
  z.object({ kind: z.literal('renameRole'), role: ref, name: z.string().min(1), from: z.string().optional() }),
  /**
   * `groups/update` without a title: rules = server-now ∪ grant − revoke (the server adds the parents itself), the
   * data scope when it changes. `grant` already holds the parents the plan closed over.
   */
  z.object({ kind: z.literal('setRoleAccess'), role: ref, grant: refs, revoke: refs, dataScope: z.number().int().min(1).max(5).optional() }),
  /** `groups/enables`: status is shown only, never enforced (OBSERVED quirk 15). */
  z.object({ kind: z.literal('setRoleStatus'), role: ref, enabled: z.boolean() }),
  z.object({ kind: z.literal('deleteRole'), role: ref }),
  /**
   * `fieldGrant/update` of one role × column: the re-read list with these cells changed. A cell sets read / write
   * or removes the field's entry (back to fully open). `from`: the entry when planned (null: it had none).
   */
  z.object({
    kind: z.literal('setFieldGrant'),
    role: ref,
    column: z.enum(FIELD_GRANT_COLUMNS),
    cells: z.array(
      z.object({
        field: z.string().min(1),
        /** Shown by the CRM's screen for an entry the push adds. */
        label: z.string(),
        set: z.object({ read: bit, write: bit }).nullable(),
        from: z.object({ read: bit, write: bit }).nullable().optional(),
      }),
    ),
  }),
  z.object({ kind: z.literal('assignRole'), role: ref, userIds: refs }),
  z.object({ kind: z.literal('unassignRole'), role: ref, userId: idSchema }),
  /** `from`: each person's department when planned; someone moved elsewhere since then is not moved back. */
  z.object({ kind: z.literal('moveUsers'), department: ref, userIds: refs, from: z.record(idSchema, ref.nullable()).optional() }),
  /** `users/setParent` for a superior, `users/update` (roles re-read and sent back) to clear one or for user 1. */
  z.object({ kind: z.literal('setManager'), userId: idSchema, manager: ref.nullable(), from: ref.nullable().optional() }),
  z.object({ kind: z.literal('setUserStatus'), userIds: refs, status: z.enum(['active', 'disabled', 'inactive']) }),
]);
export type PhpPushStep = z.infer<typeof phpStepSchema>;
export type PhpStepKind = PhpPushStep['kind'];
export type StepOf<K extends PhpStepKind> = Extract<PhpPushStep, { kind: K }>;

/** The endpoint a step writes to (what the user sees before anything is sent). */
export function stepEndpoint(step: PhpPushStep): string {
  switch (step.kind) {
    case 'createDepartment':
      return 'POST /admin/structures/save';
    case 'updateDepartment':
      return 'POST /admin/structures/update';
    case 'deleteDepartment':
      return 'POST /admin/structures/delete';
    case 'createRole':
      return 'POST /admin/groups/save';
    case 'renameRole':
    case 'setRoleAccess':
      return 'POST /admin/groups/update';
    case 'setRoleStatus':
      return 'POST /admin/groups/enables';
    case 'deleteRole':
      return 'POST /admin/groups/delete';
    case 'setFieldGrant':
      return 'POST /admin/fieldGrant/update';
    case 'assignRole':
      return 'POST /admin/users/groups';
    case 'unassignRole':
      return 'POST /admin/users/groupsDel';
    case 'moveUsers':
      return 'POST /admin/users/setUserDept';
    case 'setManager':
      return usesSetParent(step) ? 'POST /admin/users/setParent' : 'POST /admin/users/update';
    case 'setUserStatus':
      return 'POST /admin/users/enables';
  }
}

/**
 * `users/setParent` changes only `parent_id` but refuses a superior of 0 (`请选择直属上级`) and user 1 in the list
 * (`超级管理员不能设置上级`, application/admin/controller/Users.php setParent); those go through `users/update`.
 */
export function usesSetParent(step: StepOf<'setManager'>): boolean {
  return step.manager !== null && step.userId !== '1';
}

/** The response recorded in the journal for a finished step. */
export const stepResultSchema = z.object({
  /** The id the server gave the created role or department, found by re-reading. */
  serverId: idSchema.optional(),
  /** True when the server already held the step's effect, so nothing was sent. */
  alreadyDone: z.boolean().optional(),
  /** True when the step was found applied while resuming an interrupted call. */
  confirmedOnResume: z.boolean().optional(),
  /** What was left alone because someone else changed it after the plan was made (ids of people, fields…). */
  changedElsewhere: z.array(z.string()).optional(),
});
export type StepResult = z.infer<typeof stepResultSchema>;
