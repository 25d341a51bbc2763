import type { LocalizedText } from '../../../src-main/common/domain';
import type { FeatureT } from '../../i18n/featureMessages';
import { BulkChangeSummary, type RoleChangeLines } from './BulkChangeSummary';
import { isSensitiveKey, needsConfirmation, permissionPath } from './bulkPaint';
import type { BulkMessageKey } from './bulkMessages';
import type { CatalogueTree } from './catalogueTree';
import type { PaintPlan } from './paintPlan';
import type { GestureRequest } from './useBulkGesture';

interface Words {
  tree: CatalogueTree;
  localize(text: LocalizedText): string;
  t: FeatureT<BulkMessageKey>;
}

/**
 * A permission paint as a gesture request. A bulk one (fill, rectangle of more than one cell) gets a toast with
 * Undo, and asks first when it grants more than 20 cells or any sensitive action (bulkPaint.needsConfirmation);
 * a single cell is sent as it is.
 */
export function paintRequest(plan: PaintPlan, bulk: boolean, label: string, { tree, localize, t }: Words): GestureRequest {
  const request: GestureRequest = { ops: plan.ops, label, confirm: null, done: null };
  if (!bulk || plan.changed === 0) return request;
  const one = plan.cells.length === 1 ? plan.cells[0]!.column : null;
  const grant = plan.brush === 'grant';
  const kept = plan.keptRevokes > 0 ? ` ${t('toast.keptRevokes', { count: plan.keptRevokes })}` : '';
  request.done =
    (one
      ? t(grant ? 'toast.grantOne' : 'toast.revokeOne', { count: plan.changed, role: one.role.name, people: one.memberCount })
      : t(grant ? 'toast.grantMany' : 'toast.revokeMany', { count: plan.changed, roles: plan.cells.length })) + kept;

  const keyOf = (id: string) => tree.byId.get(id)?.permission.key;
  if (!needsConfirmation(plan, keyOf)) return request;
  const roles: RoleChangeLines[] = plan.cells.map(({ column, permissionIds }) => ({
    roleId: column.role.id,
    role: column.role.name,
    people: column.memberCount,
    // Sensitive actions first: they are what the reader must not miss in a long list.
    lines: permissionIds
      .map((id) => ({ text: permissionPath(tree, id, localize), sensitive: isSensitiveKey(keyOf(id)) }))
      .sort((a, b) => Number(b.sensitive) - Number(a.sensitive)),
  }));
  const notes: string[] = [];
  if (roles.some((r) => r.lines.some((l) => l.sensitive))) notes.push(t('confirm.sensitiveNote'));
  if (plan.keptRevokes > 0) notes.push(t('confirm.keptRevokes', { count: plan.keptRevokes }));
  if (plan.regrants > 0) notes.push(t('confirm.regrants', { count: plan.regrants }));
  request.confirm = {
    title: one ? t('confirm.grantOne', { count: plan.changed, role: one.role.name }) : t('confirm.grantMany', { count: plan.changed, roles: plan.cells.length }),
    body: <BulkChangeSummary intro={t('confirm.intro')} roles={roles} notes={notes} />,
    confirmLabel: t('confirm.grant', { count: plan.changed }),
  };
  return request;
}
