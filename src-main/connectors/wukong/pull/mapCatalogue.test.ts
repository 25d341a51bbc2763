import { describe, expect, it } from 'vitest';
import { loadBundledCatalogue } from '../../../services/resources';
import type { WukongMenu } from '../schemas';
import { mapCatalogue } from './mapCatalogue';

/** The bundled catalogue as getMenuListByType would serve it: one tree per root. */
function treesOf(extra?: { parentId: number; menu: Omit<WukongMenu, 'childMenu'> }): WukongMenu[] {
  const { permissions } = loadBundledCatalogue();
  const node = (id: string): WukongMenu => {
    const p = permissions.find((x) => x.id === id)!;
    const children = permissions.filter((c) => c.parentId === id).sort((a, b) => a.sort - b.sort).map((c) => node(c.id));
    if (extra && extra.parentId === Number(id)) children.push({ ...extra.menu, childMenu: [] });
    return { menuId: Number(p.id), parentId: p.parentId === null ? 0 : Number(p.parentId), menuName: p.label['zh-CN'], realm: p.key.split(':').at(-1)!, menuType: p.kind === 'group' ? 1 : 3, childMenu: children };
  };
  return permissions.filter((p) => p.parentId === null).map((p) => node(p.id));
}

describe('mapCatalogue', () => {
  it('uses the bundled catalogue (English labels, sort, scoped flags) when the server serves exactly it', () => {
    const bundled = loadBundledCatalogue();
    const result = mapCatalogue(treesOf(), bundled);
    expect(result.source).toBe('bundled');
    expect(result.permissions).toBe(bundled.permissions);
    expect(result.roleGroups.map((g) => g.id)).toEqual(bundled.roleGroups.map((g) => g.id));
  });

  it("builds the catalogue from the server's trees when they differ, keeping English labels it knows", () => {
    const bundled = loadBundledCatalogue();
    const result = mapCatalogue(treesOf({ parentId: 10, menu: { menuId: 9001, parentId: 10, menuName: '客户查重', realm: 'dedupe', menuType: 3 } }), bundled);
    expect(result.source).toBe('server');
    expect(result.permissions).toHaveLength(bundled.permissions.length + 1);
    expect(result.permissions.find((p) => p.id === '9001')).toMatchObject({ key: 'crm:customer:dedupe', kind: 'action', parentId: '10', label: { 'zh-CN': '客户查重', en: '客户查重' }, scoped: false });
    expect(result.permissions.find((p) => p.id === '28')).toMatchObject({ key: 'crm:customer:index', label: bundled.permissions.find((p) => p.id === '28')!.label, scoped: true });
  });
});
