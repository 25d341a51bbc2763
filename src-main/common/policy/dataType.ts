import type { DataScope } from '../domain';

/**
 * WukongCRM reads a role's `data_type` in two steps (reference §7.1, §7.2 notes): `queryDataType` takes the
 * largest raw value among the user's roles granting the menu (`ORDER BY data_type desc limit 1`,
 * admin/mapper/xml/AdminRoleMapper.xml), and only then `DataAuthEnum.valueOf` (core/common/DataAuthEnum.java)
 * turns it into a scope — any value but 1..5 becomes MYSELF. So a role holding 6 beside one holding 3 leaves the
 * user with 1, not 3; a role holding 0 or −1 loses to every real scope.
 *
 * The engine keeps that order with a rank per role (a byte, so the profile rows stay bytes): 0 = grants nothing,
 * 1 = below the range, 2..6 = scopes 1..5, 7 = above the range. The max is taken over ranks, then mapped.
 */
export const RANK_BELOW = 1;
export const RANK_ABOVE = 7;

/** Rank → the scope the server ends up with (0 = not held). */
export const RANK_SCOPE: Uint8Array = Uint8Array.of(0, 1, 1, 2, 3, 4, 5, 1);

export function dataTypeRank(raw: number): number {
  if (Number.isInteger(raw) && raw >= 1 && raw <= 5) return raw + 1;
  // A value MySQL's int column could hold above 5 sorts first; anything else (0, negatives, garbage) sorts last.
  return Number.isInteger(raw) && raw > 5 ? RANK_ABOVE : RANK_BELOW;
}

/** `DataAuthEnum.valueOf` of one value: 1..5 as they are, anything else 1 (MYSELF). */
export function serverDataScope(raw: number): DataScope {
  return RANK_SCOPE[dataTypeRank(raw)]! as DataScope;
}

/** Whether the server knows the value (1..5); the explanation names the others. */
export function isKnownDataType(raw: number): boolean {
  const rank = dataTypeRank(raw);
  return rank !== RANK_BELOW && rank !== RANK_ABOVE;
}
