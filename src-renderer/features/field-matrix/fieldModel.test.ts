import { describe, expect, it } from 'vitest';
import type { FieldDefinition, Role } from '../../../src-main/common/domain';
import { planFieldPaint, removesMask, widensAccess, type FieldColumn, type FieldValue } from './fieldModel';

const field = (name: string, maskable = true): FieldDefinition => ({ module: 'customer', name, label: { en: name, 'zh-CN': name }, maskable }) as FieldDefinition;
const role = { id: 'r', name: 'R', groupId: 'g', dataScope: 1, permissionIds: [], enabled: true, remark: null, label: null } as Role;
const key = (f: string) => `customer\u0000${f}`;
function column(now: Record<string, FieldValue>, before: Record<string, FieldValue>): FieldColumn {
  return { role, memberCount: 3, rules: new Map(Object.entries(now).map(([f, v]) => [key(f), v])), baseRules: new Map(Object.entries(before).map(([f, v]) => [key(f), v])) };
}

describe('field paint plans', () => {
  it('tell widening (more access, a mask removed) from narrowing', () => {
    expect(widensAccess({ from: { access: 'read', mask: 'none' }, to: { access: 'edit', mask: 'none' } })).toBe(true);
    expect(widensAccess({ from: { access: 'edit', mask: 'none' }, to: { access: 'hidden', mask: 'none' } })).toBe(false);
    expect(removesMask({ from: { access: 'read', mask: 'listDetail' }, to: { access: 'read', mask: 'list' } })).toBe(true);
    expect(removesMask({ from: { access: 'read', mask: 'none' }, to: { access: 'read', mask: 'list' } })).toBe(false);
  });

  it('a fill does not loosen what this draft restricted; a rectangle does, on purpose', () => {
    // "a" was editable when pulled and the draft hid it; "b" was read-only and stays so.
    const col = column({ a: { access: 'hidden', mask: 'none' }, b: { access: 'read', mask: 'none' } }, { a: { access: 'edit', mask: 'none' }, b: { access: 'read', mask: 'none' } });
    const brush = { kind: 'access', value: 'edit' } as const;
    const fill = planFieldPaint([field('a'), field('b')], [col], brush, { keepPendingRestrictions: true });
    expect(fill).toMatchObject({ changed: 1, kept: 1 });
    expect(fill.ops).toEqual([{ type: 'setFieldRules', cells: [{ roleId: 'r', module: 'customer', field: 'b', access: 'edit' }] }]);
    expect(fill.cells[0]).toMatchObject({ from: { access: 'read' }, to: { access: 'edit' } });
    expect(planFieldPaint([field('a'), field('b')], [col], brush)).toMatchObject({ changed: 2, kept: 0 });
  });

  it('never paints a mask on a field the CRM cannot mask', () => {
    const col = column({}, {});
    expect(planFieldPaint([field('a', false), field('b')], [col], { kind: 'mask', value: 'list' }).cells.map((c) => c.field.name)).toEqual(['b']);
  });
});
