import type { LocalizedText, Permission, Snapshot } from '../../common/domain';
import type { ReportTable } from '../../common/ipc';
import { accessMatrix, type CompiledPolicy, SCOPE_NAMES, type ScopeValue } from '../../common/policy';
import { compareIds } from '../../common/policyFile';
import { crmActionPermissions, indexPermissions, permissionPathLabel } from '../../common/wukong';

type Locale = keyof LocalizedText;

const WORDS = {
  roleMatrix: { en: 'Role matrix', 'zh-CN': '角色权限矩阵' },
  accessMap: { en: 'Access map', 'zh-CN': '访问权限图' },
  key: { en: 'Key', 'zh-CN': '权限标识' },
  permission: { en: 'Permission', 'zh-CN': '权限' },
  dataScope: { en: 'Data scope', 'zh-CN': '数据权限' },
  granted: { en: 'granted', 'zh-CN': '已授权' },
  person: { en: 'Person', 'zh-CN': '员工' },
  login: { en: 'Login', 'zh-CN': '账号' },
  department: { en: 'Department', 'zh-CN': '部门' },
  status: { en: 'Status', 'zh-CN': '状态' },
  roles: { en: 'Roles', 'zh-CN': '角色' },
  active: { en: 'active', 'zh-CN': '正常' },
  inactive: { en: 'not activated', 'zh-CN': '未激活' },
  disabled: { en: 'disabled', 'zh-CN': '禁用' },
} satisfies Record<string, LocalizedText>;

/**
 * Roles × permissions: one row per catalogue node in tree order, one column per role. A granted cell names the
 * role's data scope where the CRM filters that action by scope (WukongCRM `CrmAuthEnum`, reference §7.1), and
 * says "granted" elsewhere; the first row gives each role's data scope.
 */
export function roleMatrixTable(snapshot: Snapshot, locale: Locale): ReportTable {
  const groups = new Map(snapshot.roleGroups.map((g) => [g.id, g]));
  const roles = [...snapshot.roles].sort((a, b) => compareIds(a.groupId, b.groupId) || compareIds(a.id, b.id));
  const byId = indexPermissions(snapshot.permissions);
  const columns = [WORDS.key[locale], WORDS.permission[locale], ...roles.map((r) => `${r.name} (${groups.get(r.groupId)?.label[locale] ?? r.groupId})`)];
  const scopeRow = ['', WORDS.dataScope[locale], ...roles.map((r) => (groups.get(r.groupId)?.hasDataScope ? SCOPE_NAMES[r.dataScope][locale] : ''))];
  const grants = roles.map((r) => new Set(r.permissionIds));
  const rows = treeOrder(snapshot.permissions).map((p) => [
    p.key,
    permissionPathLabel(byId, p.id, locale),
    ...roles.map((r, i) => {
      if (!grants[i]!.has(p.id)) return '';
      return p.scoped && groups.get(r.groupId)?.hasDataScope ? SCOPE_NAMES[r.dataScope][locale] : WORDS.granted[locale];
    }),
  ]);
  return { title: WORDS.roleMatrix[locale], columns, rows: [scopeRow, ...rows], keyColumns: 2 };
}

/** People × CRM actions with the effective scope's name, exactly as the engine computes it (the edition's rule: Java the largest scope, PHP the last listed). */
export function accessMapTable(snapshot: Snapshot, policy: CompiledPolicy, locale: Locale): ReportTable {
  const actions = crmActionPermissions(snapshot.permissions);
  const byId = indexPermissions(snapshot.permissions);
  const users = [...snapshot.users].sort((a, b) => compareIds(a.id, b.id));
  const departments = new Map(snapshot.departments.map((d) => [d.id, d.name]));
  const roleNames = new Map(snapshot.roles.map((r) => [r.id, r.name]));
  const matrix = accessMatrix(policy, users.map((u) => u.id), actions.map((p) => p.id));
  const width = actions.length;
  const columns = [WORDS.person[locale], WORDS.login[locale], WORDS.department[locale], WORDS.status[locale], WORDS.roles[locale], ...actions.map((p) => permissionPathLabel(byId, p.id, locale))];
  const rows = users.map((u, i) => [
    u.name,
    u.login,
    departments.get(u.departmentId) ?? u.departmentId,
    WORDS[u.status][locale],
    u.roleIds.map((id) => roleNames.get(id) ?? id).join(locale === 'zh-CN' ? '、' : ', '),
    ...actions.map((_, k) => SCOPE_NAMES[matrix.scopes[i * width + k]! as ScopeValue][locale]),
  ]);
  return { title: WORDS.accessMap[locale], columns, rows, keyColumns: 5 };
}

/** Catalogue nodes depth-first, siblings by their CRM sort order then id: how the CRM's own tree lists them. */
function treeOrder(permissions: readonly Permission[]): Permission[] {
  const order = (a: Permission, b: Permission) => a.sort - b.sort || compareIds(a.id, b.id);
  const ids = new Set(permissions.map((p) => p.id));
  const children = new Map<string, Permission[]>();
  for (const p of permissions) if (p.parentId !== null && ids.has(p.parentId)) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: Permission[] = [];
  const walk = (p: Permission) => {
    out.push(p);
    for (const c of (children.get(p.id) ?? []).sort(order)) walk(c);
  };
  // Roots, and nodes whose parent is missing (a stale catalogue), so no node is ever left out.
  for (const root of permissions.filter((p) => p.parentId === null || !ids.has(p.parentId)).sort(order)) walk(root);
  return out;
}
