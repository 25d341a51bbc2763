import type { CellChange, DraftBatch } from '../../common/draft';
import { describeChange, describeOperations, diffSnapshots } from '../../common/draft';
import type { LocalizedText, Permission, Snapshot } from '../../common/domain';
import type { ChangeSubject, GestureReview } from '../../common/ipc';
import { indexPermissions, permissionPathLabel } from '../../common/wukong';

/**
 * Each applied gesture of a draft in plain words: its operations, and every cell it changed, described against
 * the state the gesture was made in (`states[k]` → `states[k + 1]`, from DraftService.states) so names read as the
 * person saw them, even for roles the draft itself created or deleted.
 */
export function reviewGestures(batches: readonly DraftBatch[], states: readonly Snapshot[]): GestureReview[] {
  return batches.map((batch, k) => {
    const before = states[k]!;
    const after = states[k + 1]!;
    const en = describeOperations(before, batch.ops, 'en');
    const zh = describeOperations(before, batch.ops, 'zh-CN');
    return {
      batchId: batch.id,
      number: k + 1,
      operations: en.map((text, i) => ({ en: text, 'zh-CN': zh[i]! })),
      changes: diffSnapshots(before, after).map((change) => ({
        key: change.key,
        subject: subjectOf(change, before, after),
        text: change.kind === 'rolePermission' ? grantText(change, before, after) : { en: describeChange(change, before, after, 'en'), 'zh-CN': describeChange(change, before, after, 'zh-CN') },
      })),
    };
  });
}

/**
 * A grant or revoke with the permission's catalogue path ("Campaigns › Create"): the catalogue repeats action
 * names in every module, so "gains Create" alone would not say which records.
 */
function grantText(change: Extract<CellChange, { kind: 'rolePermission' }>, before: Snapshot, after: Snapshot): LocalizedText {
  const role = after.roles.find((r) => r.id === change.roleId)?.name ?? before.roles.find((r) => r.id === change.roleId)?.name ?? change.roleId;
  const permissions = permissionIndex(after.permissions);
  const path = (locale: keyof LocalizedText) => permissionPathLabel(permissions, change.permissionId, locale);
  return {
    en: `"${role}" ${change.after ? 'gains' : 'loses'} "${path('en')}"`,
    'zh-CN': `「${role}」${change.after ? '获得' : '失去'}权限「${path('zh-CN')}」`,
  };
}

const indexes = new WeakMap<readonly Permission[], ReadonlyMap<string, Permission>>();
function permissionIndex(permissions: readonly Permission[]) {
  let index = indexes.get(permissions);
  if (!index) indexes.set(permissions, (index = indexPermissions(permissions)));
  return index;
}

/** Who a changed cell is about: field rules belong to their role, role memberships to the person. */
export function subjectOf(change: CellChange, before: Snapshot, after: Snapshot): ChangeSubject {
  const named = <T extends { id: string; name: string }>(list: (s: Snapshot) => readonly T[], id: string) =>
    list(after).find((x) => x.id === id)?.name ?? list(before).find((x) => x.id === id)?.name ?? id;
  switch (change.kind) {
    case 'role':
    case 'rolePermission':
    case 'roleScope':
    case 'roleName':
    case 'fieldRule':
      return { kind: 'role', id: change.roleId, name: named((s) => s.roles, change.roleId) };
    case 'membership':
    case 'user':
    case 'userDepartment':
    case 'userManager':
    case 'userStatus':
      return { kind: 'person', id: change.userId, name: named((s) => s.users, change.userId) };
    case 'department':
    case 'departmentName':
    case 'departmentParent':
    case 'departmentHead':
      return { kind: 'department', id: change.departmentId, name: named((s) => s.departments, change.departmentId) };
  }
}
