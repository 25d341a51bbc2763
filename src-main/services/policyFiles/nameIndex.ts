import type { LocalizedText, Snapshot } from '../../common/domain';
import { indexPermissions, permissionPathLabel } from '../../common/wukong';

export type NamedKind = 'role' | 'user' | 'department' | 'permission';
type Locale = keyof LocalizedText;

/**
 * Readable names for the ids a policy file carries, written beside each id as a YAML comment: the ids are what
 * the import reads, the names are for the person reviewing the file. Built from several states (the base and
 * every state of a draft), later states winning, so roles a draft creates or renames are named as it leaves them.
 */
export class NameIndex {
  private readonly names = new Map<string, string>();

  constructor(states: readonly Snapshot[], locale: Locale) {
    const seen = new Set<unknown>();
    const once = (list: unknown) => !seen.has(list) && seen.add(list);
    for (const s of states) {
      if (once(s.roles)) for (const r of s.roles) this.names.set(key('role', r.id), r.name);
      if (once(s.users)) for (const u of s.users) this.names.set(key('user', u.id), `${u.name} (${u.login})`);
      if (once(s.departments)) for (const d of s.departments) this.names.set(key('department', d.id), d.name);
      if (once(s.permissions)) {
        const byId = indexPermissions(s.permissions);
        for (const p of s.permissions) this.names.set(key('permission', p.id), `${p.key} · ${permissionPathLabel(byId, p.id, locale)}`);
      }
    }
  }

  name(kind: NamedKind, id: string): string | undefined {
    return this.names.get(key(kind, id));
  }
}

const key = (kind: NamedKind, id: string) => `${kind}\u0000${id}`;

/** Which kind of entity a field holds ids of; `parentId` depends on whether it sits in the permission catalogue. */
export function idFieldKind(field: string, inCatalogue: boolean): NamedKind | null {
  switch (field) {
    case 'roleId':
    case 'roleIds':
    case 'sourceRoleId':
      return 'role';
    case 'userId':
    case 'userIds':
    case 'managerId':
    case 'headUserId':
    case 'superUserIds':
      return 'user';
    case 'departmentId':
      return 'department';
    case 'parentId':
      return inCatalogue ? 'permission' : 'department';
    case 'permissionIds':
    case 'rootPermissionIds':
      return 'permission';
    default:
      return null;
  }
}
