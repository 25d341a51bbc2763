import type { FieldAccess, FieldMask, Snapshot } from '../../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../../domain';

/** `DataAuthEnum.valueOf` (core/common/DataAuthEnum.java): 1..5 as they are, anything else MYSELF. */
const valueOf = (raw: number) => ([1, 2, 3, 4, 5].includes(raw) ? raw : 1);

/**
 * The reference semantics written straight from wukong-crm-11-api.md §6–7 with sets and graph walks and
 * no cleverness, for the property tests to hold the compiled engine against. Slow on purpose.
 *
 * A snapshot of the PHP edition (`edition: 'wukong-php'`) follows WukongCRM-11.0-PHP v11.0.3 instead, spelt out
 * here again from the PHP source rather than read from policy/editionRules.ts (see each `php` branch).
 */
export class NaiveEngine {
  readonly php: boolean;
  readonly depth: number;

  /** depth: the server's recursion depth; default Java's 20, PHP's unbounded (getSubUser, getAllChild). */
  constructor(readonly s: Snapshot, depth?: number) {
    this.php = s.edition === 'wukong-php';
    this.depth = depth ?? (this.php ? Number.POSITIVE_INFINITY : 20);
  }

  private user(id: string) {
    return this.s.users.find((u) => u.id === id)!;
  }

  private rolesOf(userId: string) {
    return this.user(userId).roleIds.map((r) => this.s.roles.find((x) => x.id === r)).filter((r) => r !== undefined);
  }

  /**
   * §4.1 `UserUtil.isAdmin()`: user 14773 (listed as super user) or holding role 180162, whatever its remark.
   * PHP `User::getAdminId()`: user 1 and the holders of `admin_access.group_id = 1` (plus the pull's list).
   */
  isSuper(userId: string): boolean {
    if (this.php) return userId === '1' || this.s.superUserIds.includes(userId) || this.rolesOf(userId).some((r) => r.id === '1');
    return this.s.superUserIds.includes(userId) || this.rolesOf(userId).some((r) => r.id === '180162');
  }

  /** PHP `adminGroupTypes()`: the `types` of the user's roles (the pull keeps them in `label`), plus 1 for user 1. */
  private adminTypes(userId: string): number[] {
    const types = this.rolesOf(userId).map((r) => r.label).filter((t): t is number => t !== null);
    return userId === '1' ? [...types, 1] : types;
  }

  /**
   * §1.2 `queryNoAuthMenu`: user 14773, or holding the role found by `remark = 'admin' limit 1` (lowest id).
   * PHP `AuthenticateBehavior`: user 1, or `adminGroupTypes()` contains 1 (plus the pull's super users).
   */
  bypassesGateway(userId: string): boolean {
    if (this.php) return userId === '1' || this.s.superUserIds.includes(userId) || this.adminTypes(userId).includes(1);
    const marked = this.s.roles.filter((r) => r.remark === 'admin').map((r) => r.id).sort((a, b) => Number(a) - Number(b) || (a < b ? -1 : 1));
    return this.s.superUserIds.includes(userId) || (marked.length > 0 && this.rolesOf(userId).some((r) => r.id === marked[0]));
  }

  /**
   * §7.1: `ORDER BY data_type desc limit 1` over the raw values of the roles granting the exact menu, then
   * `DataAuthEnum.valueOf`; none → not held (0).
   */
  scope(userId: string, permissionId: string): number {
    if (this.isSuper(userId)) return 5;
    const granting = this.rolesOf(userId).filter((r) => r.permissionIds.includes(permissionId));
    if (granting.length === 0) return 0;
    if (this.php) {
      const type = this.phpType(granting.map((r) => r.dataScope));
      // getSubUserId(): with `types` 1 among the user's roles, "self + reports" is every user.
      if (type === 2 && this.adminTypes(userId).includes(1)) return 5;
      return type ?? 1; // only unknown types: the server lists nobody; the domain shows such a role as 1
    }
    return valueOf(Math.max(...granting.map((r) => r.dataScope)));
  }

  /**
   * PHP `getUserByPer` (admin/model/User.php:1150), line by line: `$groupTypes = array_unique($groupTypes)`; if
   * `in_array(5, $groupTypes)` everyone; else `foreach ($groupTypes as $v)` with `if ($v == 1) … elseif ($v == 4)`
   * overwriting `$userIds`. null: no branch matched.
   */
  private phpType(types: readonly number[]): number | null {
    const unique = types.filter((t, i) => types.indexOf(t) === i);
    if (unique.includes(5)) return 5;
    let result: number | null = null;
    for (const v of unique) if (v === 1 || v === 2 || v === 3 || v === 4) result = v;
    return result;
  }

  /** The roles whose raw value is the one `limit 1` returns (PHP: the type `getUserByPer` ends with). */
  winners(userId: string, permissionId: string): string[] {
    const granting = this.rolesOf(userId).filter((r) => r.permissionIds.includes(permissionId));
    const top = this.php ? this.phpType(granting.map((r) => r.dataScope)) : Math.max(...granting.map((r) => r.dataScope));
    return [...new Set(granting.filter((r) => top === null || r.dataScope === top).map((r) => r.id))];
  }

  grantingScopes(userId: string, permissionId: string): number[] {
    return [...new Set(this.rolesOf(userId).filter((r) => r.permissionIds.includes(permissionId)).map((r) => valueOf(r.dataScope)))].sort();
  }

  /**
   * RecursionUtil.getChildList: children level by level, at most `depth` levels, by parent id alone — a parent
   * without a row of its own still has children, and a cycle is walked round (level by level, each id found at
   * its first level).
   */
  private descendants<T>(rows: readonly T[], id: string, idOf: (t: T) => string, parentOf: (t: T) => string | null): Set<string> {
    const found = new Set<string>();
    let frontier = new Set([id]);
    for (let level = 1; level <= this.depth && frontier.size > 0; level++) {
      const next = new Set<string>();
      for (const row of rows) {
        const parent = parentOf(row);
        if (parent !== null && frontier.has(parent) && !found.has(idOf(row)) && idOf(row) !== id) next.add(idOf(row));
      }
      for (const n of next) found.add(n);
      frontier = next;
    }
    return found;
  }

  /** §7.2 queryUserByAuth, applied to the scope computed above. */
  visibleAt(userId: string, scope: number): Set<string> {
    const me = this.user(userId);
    const out = new Set<string>();
    if (scope === 0) return out;
    out.add(userId);
    if (scope === 2) for (const id of this.descendants(this.s.users, userId, (u) => u.id, (u) => u.managerId)) out.add(id);
    if (scope === 3) for (const u of this.s.users) if (u.departmentId === me.departmentId) out.add(u.id);
    if (scope === 4) {
      const depts = this.descendants(this.s.departments, me.departmentId, (d) => d.id, (d) => d.parentId);
      depts.add(me.departmentId);
      for (const u of this.s.users) if (depts.has(u.departmentId)) out.add(u.id);
    }
    if (scope === 5) for (const u of this.s.users) out.add(u.id);
    return out;
  }

  visible(userId: string, permissionId: string): Set<string> {
    return this.visibleAt(userId, this.scope(userId, permissionId));
  }

  whoCanSee(ownerId: string, permissionId: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const u of this.s.users) if (this.visible(u.id, permissionId).has(ownerId)) out.set(u.id, this.scope(u.id, permissionId));
    return out;
  }

  /** Owners a union of the granting scopes would show that the max does not. */
  lost(userId: string, permissionId: string): Set<string> {
    if (this.isSuper(userId)) return new Set();
    const kept = this.visible(userId, permissionId);
    const out = new Set<string>();
    for (const s of this.grantingScopes(userId, permissionId)) for (const o of this.visibleAt(userId, s)) if (!kept.has(o)) out.add(o);
    return out;
  }

  /**
   * §6: max auth over the user's roles' rows (none → not stripped: edit); mask = max over ALL rows of the label,
   * rows of deleted roles included (`queryMaskFieldList` joins no role table), skipped for super admins.
   */
  field(userId: string, module: string, field: string): { access: FieldAccess; mask: FieldMask } {
    if (this.php) return this.phpField(userId, module, field);
    const mine = new Set(this.rolesOf(userId).map((r) => r.id));
    const rows = this.s.fieldRules.filter((f) => f.module === module && f.field === field);
    const own = rows.filter((f) => mine.has(f.roleId));
    const access = own.length ? Math.max(...own.map((f) => FIELD_ACCESS_ORDER.indexOf(f.access))) : 2;
    const mask = this.isSuper(userId) || rows.length === 0 ? 0 : Math.max(...rows.map((f) => FIELD_MASK_ORDER.indexOf(f.mask)));
    return { access: FIELD_ACCESS_ORDER[access]!, mask: FIELD_MASK_ORDER[mask]! };
  }

  /**
   * PHP `getFieldGrantStatus` (application/common.php:2228) over `getFieldGrantData` (one grant per role × module
   * the user holds), skipped for `isSuperAdministrators` (user 1 or role 1): read = max, write = max over the grants,
   * a grant not listing the field gives read 1 write 1; no grant for the module → not restricted. No masks.
   */
  private phpField(userId: string, module: string, field: string): { access: FieldAccess; mask: FieldMask } {
    if (this.isSuper(userId)) return { access: 'edit', mask: 'none' }; // isSuperAdministrators: user 1 or role 1
    const grants = [...new Set(this.rolesOf(userId).map((r) => r.id))]
      .map((roleId) => this.s.fieldRules.filter((f) => f.roleId === roleId && f.module === module))
      .filter((content) => content.length > 0);
    if (grants.length === 0) return { access: 'edit', mask: 'none' };
    let read = 0;
    let write = 0;
    for (const content of grants) {
      const listed = content.filter((f) => f.field === field);
      if (listed.length === 0) { read = 1; write = 1; continue; }
      for (const f of listed) {
        read = Math.max(read, f.access === 'hidden' ? 0 : 1);
        write = Math.max(write, f.access === 'edit' ? 1 : 0);
      }
    }
    return { access: write ? 'edit' : read ? 'read' : 'hidden', mask: 'none' };
  }
}
