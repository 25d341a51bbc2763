import type { Snapshot } from '../../common/domain';
import type { PermissionImpact } from '../../common/ipc';
import type { ImpactReport } from '../../common/policy';
import { indexPermissions, permissionPathLabel } from '../../common/wukong';

/**
 * The engine's impact report folded per permission, uncapped: "12 people gain Delete on Customers; 3 lose
 * Export". A scope going from none to some is a gain, from some to none a loss; otherwise wider or narrower.
 * Sorted by how many people a line touches, then by the permission's label, so the biggest change reads first.
 */
export function impactByPermission(report: ImpactReport, snapshot: Snapshot, base: Snapshot): PermissionImpact[] {
  const byId = new Map<string, PermissionImpact>();
  const permissions = indexPermissions([...base.permissions, ...snapshot.permissions]);
  for (const user of report.users) {
    for (const change of user.permissions) {
      let line = byId.get(change.permissionId);
      if (!line) {
        const label = { en: permissionPathLabel(permissions, change.permissionId, 'en'), 'zh-CN': permissionPathLabel(permissions, change.permissionId, 'zh-CN') };
        byId.set(change.permissionId, (line = { permissionId: change.permissionId, label, gained: 0, lost: 0, widened: 0, narrowed: 0 }));
      }
      if (change.before === 0 && change.after > 0) line.gained++;
      else if (change.after === 0 && change.before > 0) line.lost++;
      else if (change.after > change.before) line.widened++;
      else if (change.after < change.before) line.narrowed++;
    }
  }
  const total = (l: PermissionImpact) => l.gained + l.lost + l.widened + l.narrowed;
  return [...byId.values()].sort((a, b) => total(b) - total(a) || a.label.en.localeCompare(b.label.en) || a.permissionId.localeCompare(b.permissionId));
}
