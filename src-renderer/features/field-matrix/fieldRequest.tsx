import type { LocalizedText } from '../../../src-main/common/domain';
import type { FeatureT } from '../../i18n/featureMessages';
import { BulkChangeSummary, type RoleChangeLines } from '../role-matrix/BulkChangeSummary';
import { CONFIRM_ABOVE_CELLS } from '../role-matrix/bulkPaint';
import type { BulkMessageKey } from '../role-matrix/bulkMessages';
import type { GestureRequest } from '../role-matrix/useBulkGesture';
import { removesMask, widensAccess, type FieldPaintPlan, type FieldValue } from './fieldModel';
import type { FieldMatrixMessageKey } from './messages';

interface Words {
  t: FeatureT<FieldMatrixMessageKey>;
  tb: FeatureT<BulkMessageKey>;
  localize(text: LocalizedText): string;
}

/**
 * A field paint as a gesture request. Bulk (fill, rectangle of more than one cell): a toast with Undo, and a
 * confirmation first when it widens more than 20 cells or removes any mask (the field rules' sensitive change).
 */
export function fieldRequest(plan: FieldPaintPlan, bulk: boolean, { t, tb, localize }: Words): GestureRequest {
  const request: GestureRequest = { ops: plan.ops, label: t('batch.paint', { count: plan.changed }), confirm: null, done: null };
  if (!bulk || plan.changed === 0) return request;
  const roleIds = [...new Set(plan.cells.map((c) => c.column.role.id))];
  const one = roleIds.length === 1 ? plan.cells[0]!.column : null;
  const kept = plan.kept > 0 ? ` ${tb('field.toastKept', { count: plan.kept })}` : '';
  request.done =
    (one ? tb('field.toastOne', { count: plan.changed, role: one.role.name, people: one.memberCount }) : tb('field.toastMany', { count: plan.changed, roles: roleIds.length })) + kept;

  const widening = plan.cells.filter(widensAccess);
  const unmasking = widening.filter(removesMask);
  if (widening.length <= CONFIRM_ABOVE_CELLS && unmasking.length === 0) return request;
  const words = (value: FieldValue, which: 'access' | 'mask') => (which === 'access' ? t(`access.${value.access}`) : t(`mask.${value.mask}`));
  const byRole = new Map<string, RoleChangeLines>();
  for (const change of widening) {
    const { role, memberCount } = change.column;
    const entry = byRole.get(role.id) ?? { roleId: role.id, role: role.name, people: memberCount, lines: [] };
    const field = localize(change.field.label);
    const unmask = removesMask(change);
    const which = unmask ? 'mask' : 'access';
    entry.lines.push({ text: tb(unmask ? 'field.unmask' : 'field.raise', { field, from: words(change.from, which), to: words(change.to, which) }), sensitive: unmask });
    byRole.set(role.id, entry);
  }
  const roles = [...byRole.values()].map((r) => ({ ...r, lines: r.lines.sort((a, b) => Number(b.sensitive) - Number(a.sensitive)) }));
  const notes: string[] = [];
  if (unmasking.length > 0) notes.push(tb('field.unmaskNote'));
  if (plan.changed > widening.length) notes.push(tb('field.others', { count: plan.changed - widening.length }));
  if (plan.kept > 0) notes.push(tb('field.kept', { count: plan.kept }));
  request.confirm = {
    title: one ? tb('field.confirmOne', { count: plan.changed, role: one.role.name }) : tb('field.confirmMany', { count: plan.changed, roles: roleIds.length }),
    body: <BulkChangeSummary intro={tb('field.intro')} roles={roles} notes={notes} />,
    confirmLabel: tb('field.apply', { count: plan.changed }),
  };
  return request;
}
