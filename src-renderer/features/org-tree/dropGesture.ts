import { departmentTree } from '../../../src-main/common/domain';
import type { OrgView } from '../../../src-main/common/ipc';
import type { FeatureT } from '../../i18n/featureMessages';
import type { DragItem } from './dragData';
import { gesture, type Gesture } from '../drafts/useRecordGesture';
import type { OrgMessageKey } from './messages';

export type DropTarget = { kind: 'department'; departmentId: string } | { kind: 'person'; userId: string };

/** Everyone in a department and the departments below it (what "give a role to a department" covers). */
export function peopleInSubtree(view: OrgView, departmentId: string): string[] {
  const below = departmentTree(view.departments).subtree(departmentId);
  return view.users.filter((u) => below.has(u.departmentId)).map((u) => u.id);
}

/** Of `people`, those who do not hold the role yet (a set, so a 20k-person department stays linear). */
export function withoutRole(view: OrgView, people: readonly string[], roleId: string): string[] {
  const holders = new Set(view.users.filter((u) => u.roleIds.includes(roleId)).map((u) => u.id));
  return people.filter((id) => !holders.has(id));
}

/**
 * The draft operation a drop means, or null when it means nothing (a person dropped where they already
 * are, a role everyone already holds). Rule breaches such as cycles are NOT filtered here: the draft core
 * refuses them with the server's code, and the view shows that refusal.
 */
export function gestureForDrop(item: DragItem, target: DropTarget, view: OrgView, t: FeatureT<OrgMessageKey>): Gesture | null {
  const userName = (id: string) => view.users.find((u) => u.id === id)?.name ?? id;
  const deptName = (id: string) => view.departments.find((d) => d.id === id)?.name ?? id;
  const roleName = (id: string) => view.roles.find((r) => r.id === id)?.name ?? id;
  if (item.kind === 'person' && target.kind === 'department') {
    const user = view.users.find((u) => u.id === item.userId);
    if (!user || user.departmentId === target.departmentId) return null;
    return gesture(t('label_move', { who: user.name, department: deptName(target.departmentId) }), {
      type: 'moveUsers',
      userIds: [item.userId],
      departmentId: target.departmentId,
    });
  }
  if (item.kind === 'person' && target.kind === 'person') {
    const user = view.users.find((u) => u.id === item.userId);
    if (!user || user.managerId === target.userId) return null;
    return gesture(t('label_manager', { who: user.name, manager: userName(target.userId) }), {
      type: 'setManager',
      userId: item.userId,
      managerId: target.userId,
    });
  }
  if (item.kind === 'department' && target.kind === 'department') {
    const department = view.departments.find((d) => d.id === item.departmentId);
    if (!department || department.parentId === target.departmentId || department.id === target.departmentId) return null;
    return gesture(t('label_moveDept', { department: department.name, parent: deptName(target.departmentId) }), {
      type: 'moveDepartment',
      departmentId: item.departmentId,
      parentId: target.departmentId,
    });
  }
  if (item.kind === 'role') {
    const people = target.kind === 'person' ? [target.userId] : peopleInSubtree(view, target.departmentId);
    const without = withoutRole(view, people, item.roleId);
    if (without.length === 0) return null;
    return gesture(t('label_assign', { role: roleName(item.roleId), count: without.length }), {
      type: 'assignRoles',
      userIds: without,
      roleIds: [item.roleId],
    });
  }
  return null;
}
