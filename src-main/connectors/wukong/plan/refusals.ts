import type { Id, Snapshot } from '../../../common/domain';
import type { CellChange } from '../../../common/draft';
import type { PlanRefusal } from '../../connector';


/**
 * What WukongCRM 11 cannot store, cell by cell:
 * - a field rule cannot be deleted: `saveRoleField` only updates rows matched by id (§6);
 * - a grant of a catalogue root or of a menu below level 3 would be written by `updateRoleMenu` but is never
 *   reported by `getRoleByType` (it returns levels 2–3 only, §4.2): it could not be verified, and the next
 *   delta write of the role (server-now ∪ added − removed) would silently drop it again.
 * WukongCRM keeps the data scope per role (capability `scopePerPermission: false`); drafts have no
 * per-permission scope operation, so there is nothing of that kind to refuse here.
 */
export function refusalsFor(changes: readonly CellChange[], projection: Snapshot): PlanRefusal[] {
  const out: PlanRefusal[] = [];
  const depth = permissionDepth(projection);
  const roles = new Set(projection.roles.map((r) => r.id));
  const labels = new Map(projection.permissions.map((p) => [p.id, p.label]));
  for (const c of changes) {
    if (c.kind === 'fieldRule' && c.after === null && roles.has(c.roleId)) {
      out.push({
        code: 'FIELD_RULE_REMOVAL',
        cellKey: c.key,
        reason: {
          'zh-CN': `悟空CRM 无法删除字段权限（${c.module}.${c.field}），只能修改它`,
          en: `WukongCRM cannot delete a field rule (${c.module}.${c.field}); it can only change it`,
        },
      });
    }
    if (c.kind === 'rolePermission' && c.after) {
      const d = depth(c.permissionId);
      if (d === 1 || d === 2) continue;
      const label = labels.get(c.permissionId);
      out.push({
        code: 'UNREPORTED_GRANT',
        cellKey: c.key,
        reason: {
          'zh-CN': `悟空CRM 从不返回「${label?.['zh-CN'] ?? c.permissionId}」这一级的授权，无法核对，下次修改该角色时会丢失`,
          en: `WukongCRM never reports grants of "${label?.en ?? c.permissionId}" at this level: it could not be verified and the next change to the role would drop it`,
        },
      });
    }
  }
  return out;
}

/** 0 for a catalogue root, 1 for its children, … (unknown ids: -1). */
function permissionDepth(snapshot: Snapshot): (id: Id) => number {
  const parent = new Map(snapshot.permissions.map((p) => [p.id, p.parentId]));
  return (id) => {
    if (!parent.has(id)) return -1;
    let depth = 0;
    for (let node = parent.get(id); node != null && depth < 50; node = parent.get(node)) depth++;
    return depth;
  };
}
