import type { Permission, RoleGroup } from '../domain';

/** One catalogue directory and its grantable actions, by the last realm segment (`index`, `save`, …). */
export interface GrantModule {
  /** Realm path of the directory, e.g. `crm:customer`. */
  key: string;
  directoryId: string;
  actions: ReadonlyArray<{ id: string; verb: string }>;
}

/** What a role of one group can be granted, arranged by module so grants can be drawn the way admins tick them. */
export interface GroupGrantCatalogue {
  groupId: string;
  modules: readonly GrantModule[];
  moduleByKey: ReadonlyMap<string, GrantModule>;
}

/** Build once per catalogue; generators then draw grants without touching the whole permission list again. */
export function buildGrantCatalogues(permissions: readonly Permission[], groups: readonly RoleGroup[]): Map<string, GroupGrantCatalogue> {
  const byId = new Map(permissions.map((p) => [p.id, p]));
  const rootOf = (p: Permission): string => {
    let node = p;
    for (let guard = 0; node.parentId !== null && guard < 64; guard += 1) node = byId.get(node.parentId) ?? node;
    return node.id;
  };
  const modulesByDirectory = new Map<string, { key: string; directoryId: string; actions: { id: string; verb: string }[]; root: string }>();
  for (const p of permissions) {
    if (p.kind !== 'action' || p.parentId === null) continue;
    let module = modulesByDirectory.get(p.parentId);
    if (!module) {
      const directory = byId.get(p.parentId);
      if (!directory) continue;
      module = { key: directory.key, directoryId: directory.id, actions: [], root: rootOf(directory) };
      modulesByDirectory.set(p.parentId, module);
    }
    module.actions.push({ id: p.id, verb: p.key.slice(p.key.lastIndexOf(':') + 1) });
  }
  const result = new Map<string, GroupGrantCatalogue>();
  for (const group of groups) {
    const roots = new Set(group.rootPermissionIds);
    const modules = [...modulesByDirectory.values()]
      .filter((m) => roots.has(m.root))
      .map(({ key, directoryId, actions }) => ({ key, directoryId, actions }));
    result.set(group.id, { groupId: group.id, modules, moduleByKey: new Map(modules.map((m) => [m.key, m])) });
  }
  return result;
}

/** How much of a module a role gets. */
export type GrantLevel = 'read' | 'standard' | 'full';

const READ_VERBS = new Set(['index', 'read']);
const STANDARD_VERBS = new Set(['index', 'read', 'save', 'update', 'teamsave']);

/** The action ids of a module at a level; modules without list/detail actions (bi) give everything for 'read'. */
export function actionsAt(module: GrantModule, level: GrantLevel): string[] {
  if (level === 'full') return module.actions.map((a) => a.id);
  const verbs = level === 'read' ? READ_VERBS : STANDARD_VERBS;
  const picked = module.actions.filter((a) => verbs.has(a.verb)).map((a) => a.id);
  return picked.length > 0 ? picked : module.actions.map((a) => a.id);
}
