import type { FieldAccess, FieldMask } from '../domain';
import { FIELD_ACCESS_ORDER, FIELD_MASK_ORDER } from '../domain';
import type { CompiledModuleFields, CompiledPolicy } from './compiledPolicy';
import { rolesOfUser, userNumber } from './scope';

export interface FieldAccessEntry {
  readonly field: string;
  /** Most permissive access among the user's roles' rows (reference §6: max(auth_level); PHP: see fieldCodes). */
  readonly access: FieldAccess;
  /** The mask the server applies: strictest over ALL roles' rows for the field (see fieldCodes); none on PHP. */
  readonly mask: FieldMask;
  /** Strictest mask among the user's own roles' rows: what the matrix shows for the user. */
  readonly ownRolesMask: FieldMask;
  /**
   * False when none of the user's roles restricts the field (Java: has a row for it; PHP: has a grant for the
   * module), or a PHP super admin: the field then stays editable, unmasked.
   */
  readonly initialised: boolean;
  /** The user's roles whose row gives the winning access. */
  readonly decidedByRoleIds: readonly string[];
}

export interface FieldCodes {
  /** Per field: 0 hidden, 1 read, 2 edit. */
  readonly access: Int8Array;
  /** Per field: 0 none, 1 list, 2 list + detail (server-applied). */
  readonly mask: Int8Array;
  readonly ownMask: Int8Array;
  /** Per field: 1 when some role of the user has a row. */
  readonly initialised: Uint8Array;
}

/**
 * Field access of one user for one module as numbers, as WukongCRM computes it at runtime
 * (`CrmRoleFieldServiceImpl#queryUserRoleField`, reference §6):
 * - access = max(auth_level) over the rows of the user's roles; only fields whose max is 1 are stripped.
 *   A role with no row for a field has not been initialised (rows are created the first time an admin
 *   opens its field dialog) and contributes nothing; when no role of the user has a row the field is
 *   not stripped at all, so it stays editable and unmasked: edit / none.
 * - mask = max(mask_type) over the rows of ALL roles for the module (`queryMaskFieldList` does not filter
 *   by the user's roles — a server surprise kept here); skipped for super admins (`replaceMaskFieldValue`).
 * The PHP edition differs (editionRules.ts): see grantFieldCodes.
 */
export function fieldCodes(policy: CompiledPolicy, user: number, compiled: CompiledModuleFields): FieldCodes {
  if (policy.rules.unlistedField === 'grantOfTheModule') return grantFieldCodes(policy, user, compiled);
  const width = compiled.fields.length;
  const access = new Int8Array(width).fill(-1);
  const ownMask = new Int8Array(width).fill(-1);
  for (const r of rolesOfUser(policy, user)) {
    const base = r * width;
    for (let f = 0; f < width; f++) {
      const a = compiled.access[base + f]!;
      if (a > access[f]!) access[f] = a;
      const m = compiled.mask[base + f]!;
      if (m > ownMask[f]!) ownMask[f] = m;
    }
  }
  const initialised = new Uint8Array(width);
  const mask = new Int8Array(width);
  const isSuper = policy.userSuper[user] === 1;
  for (let f = 0; f < width; f++) {
    initialised[f] = access[f]! >= 0 ? 1 : 0;
    if (access[f]! < 0) access[f] = 2; // no row: nothing strips the field (see above)
    if (ownMask[f]! < 0) ownMask[f] = 0;
    mask[f] = isSuper ? 0 : compiled.globalMask[f]!;
  }
  return { access, mask, ownMask, initialised };
}

/**
 * Field access as the PHP edition computes it (`getFieldGrantStatus`, application/common.php:2228, behind
 * `!isSuperAdministrators()`): a super admin is unrestricted; otherwise the roles of the user that have a grant for
 * the module each give their rule for the field, or read + write when their grant does not list it; access is the
 * most permissive of them, and a user none of whose roles has a grant for the module is not restricted. No masks.
 */
function grantFieldCodes(policy: CompiledPolicy, user: number, compiled: CompiledModuleFields): FieldCodes {
  const width = compiled.fields.length;
  const access = new Int8Array(width).fill(-1);
  const initialised = new Uint8Array(width);
  if (!(policy.userSuper[user] === 1 && policy.rules.superAdminFields === 'unrestricted')) {
    for (const r of rolesOfUser(policy, user)) {
      if (!compiled.roleHasRow[r]) continue;
      initialised.fill(1);
      const base = r * width;
      for (let f = 0; f < width; f++) {
        const a = compiled.access[base + f]!;
        const given = a < 0 ? 2 : a;
        if (given > access[f]!) access[f] = given;
      }
    }
  }
  for (let f = 0; f < width; f++) if (access[f]! < 0) access[f] = 2;
  return { access, mask: new Int8Array(width), ownMask: new Int8Array(width), initialised };
}

/** What role r's own rule gives for field f of the module, -1 when it gives nothing (the edition's rule). */
function roleFieldAccess(policy: CompiledPolicy, compiled: CompiledModuleFields, r: number, f: number): number {
  const a = compiled.access[r * compiled.fields.length + f]!;
  if (policy.rules.unlistedField === 'grantOfTheModule') return compiled.roleHasRow[r] ? (a < 0 ? 2 : a) : -1;
  return a;
}

/** Field access of a user for a module (`customer`, `contract`, …), one entry per known field. */
export function fieldAccess(policy: CompiledPolicy, userId: string, module: string): FieldAccessEntry[] {
  const compiled = policy.modules.get(module);
  if (!compiled) return [];
  const u = userNumber(policy, userId);
  const codes = fieldCodes(policy, u, compiled);
  const roles = rolesOfUser(policy, u);
  return compiled.fields.map((field, f) => ({
    field,
    access: FIELD_ACCESS_ORDER[codes.access[f]!]!,
    mask: FIELD_MASK_ORDER[codes.mask[f]!]!,
    ownRolesMask: FIELD_MASK_ORDER[codes.ownMask[f]!]!,
    initialised: codes.initialised[f] === 1,
    decidedByRoleIds: codes.initialised[f]
      ? Array.from(roles).filter((r) => roleFieldAccess(policy, compiled, r, f) === codes.access[f]).map((r) => policy.roleIds[r]!)
      : [],
  }));
}
