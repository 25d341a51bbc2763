import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER, type FieldAccess, type FieldDefinition, type FieldMask, type FieldRule } from '../../../src-main/common/domain';
import type { Role } from '../../../src-main/common/domain';
import type { DraftOperation, FieldRuleCell } from '../../../src-main/common/draft';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { hasAdminRemark } from '../../../src-main/common/wukong';

/** One field cell's value. A role with no stored rule gets the CRM default (reference §6: edit, no mask). */
export interface FieldValue {
  access: FieldAccess;
  mask: FieldMask;
}
export const DEFAULT_FIELD_VALUE: FieldValue = { access: 'edit', mask: 'none' };

export type FieldBrush = { kind: 'access'; value: FieldAccess } | { kind: 'mask'; value: FieldMask };

export interface FieldColumn {
  role: Role;
  memberCount: number;
  rules: ReadonlyMap<string, FieldValue>;
  baseRules: ReadonlyMap<string, FieldValue>;
}

const ruleKey = (module: string, field: string) => `${module}\u0000${field}`;

function rulesByRole(rules: readonly FieldRule[]): Map<string, Map<string, FieldValue>> {
  const out = new Map<string, Map<string, FieldValue>>();
  for (const r of rules) {
    let forRole = out.get(r.roleId);
    if (!forRole) out.set(r.roleId, (forRole = new Map()));
    forRole.set(ruleKey(r.module, r.field), { access: r.access, mask: r.mask });
  }
  return out;
}

/**
 * Columns: the roles of every role type that carries field rules (WukongCRM: CRM roles), grouped like the
 * permission matrix, filtered by the role search.
 */
export function fieldColumns(matrix: RoleMatrix, roleQuery: string): FieldColumn[] {
  const projected = rulesByRole(matrix.fieldRules);
  const base = rulesByRole(matrix.baseFieldRules);
  const ruled = new Set([...matrix.fieldRules, ...matrix.baseFieldRules].map((r) => r.roleId));
  const groupsWithRules = new Set(matrix.roles.filter((r) => ruled.has(r.id)).map((r) => r.groupId));
  const query = roleQuery.trim().toLowerCase();
  return matrix.roles
    .filter((role) => groupsWithRules.has(role.groupId) && !hasAdminRemark(role) && (query === '' || role.name.toLowerCase().includes(query)))
    .map((role) => ({ role, memberCount: matrix.memberCounts[role.id] ?? 0, rules: projected.get(role.id) ?? new Map(), baseRules: base.get(role.id) ?? new Map() }));
}

export function fieldModules(fields: readonly FieldDefinition[]): string[] {
  return [...new Set(fields.map((f) => f.module))];
}

export function fieldRows(fields: readonly FieldDefinition[], module: string, query: string): FieldDefinition[] {
  const q = query.trim().toLowerCase();
  return fields.filter(
    (f) => f.module === module && (q === '' || f.name.toLowerCase().includes(q) || f.label.en.toLowerCase().includes(q) || f.label['zh-CN'].includes(q)),
  );
}

export function fieldValue(column: FieldColumn, field: FieldDefinition, which: 'current' | 'base' = 'current'): FieldValue {
  const rules = which === 'current' ? column.rules : column.baseRules;
  return rules.get(ruleKey(field.module, field.name)) ?? DEFAULT_FIELD_VALUE;
}

export function isFieldPending(column: FieldColumn, field: FieldDefinition): boolean {
  const now = fieldValue(column, field);
  const before = fieldValue(column, field, 'base');
  return now.access !== before.access || now.mask !== before.mask;
}

/** One cell a field paint changes, before and after (for the confirmation and the toast). */
export interface FieldCellChange {
  column: FieldColumn;
  field: FieldDefinition;
  from: FieldValue;
  to: FieldValue;
}

export interface FieldPaintPlan {
  ops: DraftOperation[];
  changed: number;
  cells: FieldCellChange[];
  /** Cells a fill left alone because this draft restricts them and the brush would loosen them again. */
  kept: number;
}

const accessRank = (access: FieldAccess) => FIELD_ACCESS_ORDER.indexOf(access);
const maskRank = (mask: FieldMask) => FIELD_MASK_ORDER.indexOf(mask);

/** The change shows more of the field: a higher access level, or a weaker mask (a mask removed). */
export function widensAccess(change: Pick<FieldCellChange, 'from' | 'to'>): boolean {
  return accessRank(change.to.access) > accessRank(change.from.access) || removesMask(change);
}

export function removesMask(change: Pick<FieldCellChange, 'from' | 'to'>): boolean {
  return maskRank(change.to.mask) < maskRank(change.from.mask);
}

/** This draft restricts the cell in the brush's dimension (less access, or a stronger mask than as pulled). */
function restrictedByDraft(column: FieldColumn, field: FieldDefinition, brush: FieldBrush): boolean {
  const now = fieldValue(column, field);
  const before = fieldValue(column, field, 'base');
  return brush.kind === 'access' ? accessRank(now.access) < accessRank(before.access) : maskRank(now.mask) > maskRank(before.mask);
}

/**
 * One `setFieldRules` operation for a brush over fields × roles, with only the cells that change. Masks are
 * never painted on fields the CRM cannot mask (FIELD_NOT_MASKABLE), so a wide stroke is not refused for them.
 * `keepPendingRestrictions` (row and column fills): a cell this draft restricted is not loosened again by a fill.
 */
export function planFieldPaint(
  fields: readonly FieldDefinition[],
  columns: readonly FieldColumn[],
  brush: FieldBrush,
  options: { keepPendingRestrictions?: boolean } = {},
): FieldPaintPlan {
  const ruleCells: FieldRuleCell[] = [];
  const cells: FieldCellChange[] = [];
  let kept = 0;
  for (const column of columns) {
    for (const field of fields) {
      const current = fieldValue(column, field);
      const to: FieldValue | null =
        brush.kind === 'access' && current.access !== brush.value
          ? { ...current, access: brush.value }
          : brush.kind === 'mask' && field.maskable && current.mask !== brush.value
            ? { ...current, mask: brush.value }
            : null;
      if (!to) continue;
      if (options.keepPendingRestrictions && widensAccess({ from: current, to }) && restrictedByDraft(column, field, brush)) {
        kept += 1;
        continue;
      }
      const base = { roleId: column.role.id, module: field.module, field: field.name };
      ruleCells.push(brush.kind === 'access' ? { ...base, access: brush.value } : { ...base, mask: brush.value as FieldMask });
      cells.push({ column, field, from: current, to });
    }
  }
  return { ops: ruleCells.length > 0 ? [{ type: 'setFieldRules', cells: ruleCells }] : [], changed: ruleCells.length, cells, kept };
}

/** Keyboard letters for brushes: H / R / E for access, N / L / D for the mask. */
export function brushForKey(key: string): FieldBrush | null {
  switch (key.toLowerCase()) {
    case 'h':
      return { kind: 'access', value: 'hidden' };
    case 'r':
      return { kind: 'access', value: 'read' };
    case 'e':
      return { kind: 'access', value: 'edit' };
    case 'n':
      return { kind: 'mask', value: 'none' };
    case 'l':
      return { kind: 'mask', value: 'list' };
    case 'd':
      return { kind: 'mask', value: 'listDetail' };
    default:
      return null;
  }
}
