import type { Id, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import type { PlanRefusal } from '../../connector';

/**
 * Role names are unique per role type and `add` / `update` check that without excluding the role itself
 * (1117, reference §4.2). So a rename is sent only once its new name is free on the server: renames are
 * ordered so that a role giving up a name goes first. A swap (A↔B) has no such order, and a name freed by a
 * role the same draft deletes is only free after the deletes, which run last: both are refused with a reason.
 */
export function orderRenames(server: Snapshot, projection: Snapshot, changes: readonly CellChange[]): { order: Id[]; refusal?: PlanRefusal } {
  const current = new Map(server.roles.map((r) => [r.id, { name: r.name, groupId: r.groupId }]));
  const deleted = new Set(changes.filter((c) => c.kind === 'role' && c.after === null).map((c) => (c as { roleId: Id }).roleId));
  const pending = new Map(changes.filter((c) => c.kind === 'roleName').map((c) => [(c as { roleId: Id }).roleId, (c as { after: string }).after]));
  const created = projection.roles.filter((r) => !current.has(r.id));
  const holder = (groupId: Id, name: string, except: Id | null) =>
    [...current.entries()].find(([id, r]) => id !== except && r.groupId === groupId && r.name === name)?.[0];

  const order: Id[] = [];
  while (pending.size > 0) {
    const ready = [...pending.entries()].find(([id, name]) => holder(current.get(id)!.groupId, name, id) === undefined);
    if (!ready) {
      const [id, name] = [...pending.entries()][0]!;
      return { order, refusal: nameRefusal(name, deleted.has(holder(current.get(id)!.groupId, name, id) ?? '')) };
    }
    const [id, name] = ready;
    current.set(id, { ...current.get(id)!, name });
    pending.delete(id);
    order.push(id);
  }
  for (const role of created) {
    const clash = holder(role.groupId, role.name, null);
    if (clash !== undefined) return { order, refusal: nameRefusal(role.name, deleted.has(clash)) };
  }
  return { order };
}

function nameRefusal(name: string, freedByDelete: boolean): PlanRefusal {
  return freedByDelete
    ? {
        code: 'NAME_ORDER',
        reason: {
          'zh-CN': `角色名「${name}」要等删除旧角色后才能再用：请先推送删除，再推送改名或新建`,
          en: `The role name "${name}" is only free once the old role is deleted: push the deletion first, then the rename or creation`,
        },
      }
    : {
        code: 'NAME_ORDER',
        reason: {
          'zh-CN': `角色名「${name}」在互换：悟空CRM 不允许同类型角色重名，请分两次推送`,
          en: `The role name "${name}" is part of a swap; WukongCRM forbids two roles of a type sharing a name, so push it in two steps`,
        },
      };
}
