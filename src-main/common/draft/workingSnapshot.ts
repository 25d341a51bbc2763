import type { Department, FieldDefinition, FieldRule, Id, Permission, Role, RoleGroup, Snapshot, User } from '../domain';
import { isHardCodedSuperUser } from '../wukong';
import { WorkingTable } from './workingTable';

export const fieldRuleKey = (roleId: Id, module: string, field: string): string => `${roleId}\u0000${module}\u0000${field}`;
export const fieldKey = (module: string, field: string): string => `${module}\u0000${field}`;

/** Permission ids each group's roles may hold: the catalogue roots of the group and everything under them. */
const catalogueCache = new WeakMap<readonly Permission[], Map<RoleGroup, ReadonlySet<Id>>>();

function groupCatalogue(permissions: readonly Permission[], group: RoleGroup): ReadonlySet<Id> {
  let byGroup = catalogueCache.get(permissions);
  if (!byGroup) catalogueCache.set(permissions, (byGroup = new Map()));
  const cached = byGroup.get(group);
  if (cached) return cached;
  const children = new Map<Id, Id[]>();
  for (const p of permissions) {
    if (p.parentId === null) continue;
    const list = children.get(p.parentId);
    if (list) list.push(p.id);
    else children.set(p.parentId, [p.id]);
  }
  const allowed = new Set<Id>();
  const stack = [...group.rootPermissionIds];
  while (stack.length > 0) {
    const id = stack.pop() as Id;
    if (allowed.has(id)) continue;
    allowed.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  byGroup.set(group, allowed);
  return allowed;
}

/**
 * The mutable state of one `apply` / `validate` run over an immutable input snapshot. Entity tables are
 * copy-on-write; derived counts (people per department, children per department) are built only when a rule
 * needs them and then kept current by the mutators below, so a run costs what its operations touch.
 */
export class WorkingSnapshot {
  readonly roles: WorkingTable<Role>;
  readonly users: WorkingTable<User>;
  readonly departments: WorkingTable<Department>;
  readonly fieldRules: WorkingTable<FieldRule>;
  private readonly permissions: WorkingTable<Permission>;
  private readonly groups: WorkingTable<RoleGroup>;
  private readonly fieldDefinitions: WorkingTable<FieldDefinition>;
  private usersPerDepartment: Map<Id, number> | null = null;
  private childrenPerDepartment: Map<Id, number> | null = null;
  private superUsers: ReadonlySet<Id> | null = null;

  constructor(private readonly input: Snapshot) {
    const byId = (row: { id: Id }) => row.id;
    this.roles = new WorkingTable(input.roles, byId);
    this.users = new WorkingTable(input.users, byId);
    this.departments = new WorkingTable(input.departments, byId);
    this.fieldRules = new WorkingTable(input.fieldRules, (r) => fieldRuleKey(r.roleId, r.module, r.field));
    this.permissions = new WorkingTable(input.permissions, byId);
    this.groups = new WorkingTable(input.roleGroups, byId);
    this.fieldDefinitions = new WorkingTable(input.fields, (f) => fieldKey(f.module, f.name));
  }

  permission(id: Id): Permission | undefined {
    return this.permissions.get(id);
  }

  group(id: Id): RoleGroup | undefined {
    return this.groups.get(id);
  }

  fieldDefinition(module: string, field: string): FieldDefinition | undefined {
    return this.fieldDefinitions.get(fieldKey(module, field));
  }

  /** Whether the snapshot lists any field of `module` (if it lists none, field names cannot be checked). */
  knowsModule(module: string): boolean {
    return this.input.fields.some((f) => f.module === module);
  }

  isInGroupCatalogue(group: RoleGroup, permissionId: Id): boolean {
    return groupCatalogue(this.input.permissions, group).has(permissionId);
  }

  /** The hard-coded super user (14773): `setUserStatus` refuses to disable only this user, not role holders (1116). */
  isSuperUser(userId: Id): boolean {
    if (!this.superUsers) this.superUsers = new Set(this.input.superUserIds);
    return isHardCodedSuperUser(userId, this.superUsers);
  }

  peopleIn(departmentId: Id): number {
    if (!this.usersPerDepartment) {
      this.usersPerDepartment = new Map();
      for (const u of this.users.all) bump(this.usersPerDepartment, u.departmentId, 1);
    }
    return this.usersPerDepartment.get(departmentId) ?? 0;
  }

  childrenOf(departmentId: Id): number {
    if (!this.childrenPerDepartment) {
      this.childrenPerDepartment = new Map();
      for (const d of this.departments.all) if (d.parentId !== null) bump(this.childrenPerDepartment, d.parentId, 1);
    }
    return this.childrenPerDepartment.get(departmentId) ?? 0;
  }

  /** Whether `candidate` is `userId` itself or anyone above them; walks up, O(depth). */
  isInChainAbove(userId: Id, candidate: Id): boolean {
    const seen = new Set<Id>();
    for (let at: Id | null | undefined = candidate; at != null && !seen.has(at); at = this.users.get(at)?.managerId) {
      if (at === userId) return true;
      seen.add(at);
    }
    return false;
  }

  /** Whether `candidate` is `departmentId` itself or one of its descendants. */
  isInSubtree(departmentId: Id, candidate: Id): boolean {
    const seen = new Set<Id>();
    for (let at: Id | null | undefined = candidate; at != null && !seen.has(at); at = this.departments.get(at)?.parentId) {
      if (at === departmentId) return true;
      seen.add(at);
    }
    return false;
  }

  // Mutators that keep the derived counts current.

  moveUser(userId: Id, departmentId: Id): void {
    this.users.update(userId, (u) => {
      if (u.departmentId === departmentId) return u;
      if (this.usersPerDepartment) {
        bump(this.usersPerDepartment, u.departmentId, -1);
        bump(this.usersPerDepartment, departmentId, 1);
      }
      return { ...u, departmentId };
    });
  }

  insertDepartment(department: Department, at?: number): void {
    this.departments.insert(department, at);
    if (this.childrenPerDepartment && department.parentId !== null) bump(this.childrenPerDepartment, department.parentId, 1);
  }

  reparentDepartment(departmentId: Id, parentId: Id): void {
    this.departments.update(departmentId, (d) => {
      if (d.parentId === parentId) return d;
      if (this.childrenPerDepartment) {
        if (d.parentId !== null) bump(this.childrenPerDepartment, d.parentId, -1);
        bump(this.childrenPerDepartment, parentId, 1);
      }
      return { ...d, parentId };
    });
  }

  removeDepartment(departmentId: Id): number {
    const d = this.departments.get(departmentId);
    if (this.childrenPerDepartment && d?.parentId) bump(this.childrenPerDepartment, d.parentId, -1);
    return this.departments.remove(departmentId);
  }

  /** The resulting snapshot: untouched arrays and rows are the input's own. */
  result(): Snapshot {
    const roles = this.roles.result();
    const users = this.users.result();
    const departments = this.departments.result();
    const fieldRules = this.fieldRules.result();
    const input = this.input;
    if (roles === input.roles && users === input.users && departments === input.departments && fieldRules === input.fieldRules) {
      return input;
    }
    return { ...input, roles: roles as Role[], users: users as User[], departments: departments as Department[], fieldRules: fieldRules as FieldRule[] };
  }
}

function bump(map: Map<Id, number>, key: Id, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}
