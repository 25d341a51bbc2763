import type { Snapshot } from '../../../src-main/common/domain';

/**
 * What both benchmark peers (casbin, Cedar) take from the reference, written once so they model the same
 * server (wukong-crm-11-api.md §4.1, §7). Each peer expresses these rules in its own language; nothing here
 * answers a decision.
 *
 * - Super admin: `UserUtil.isAdmin()` = user 14773 or holding role 180162, both hard-coded (§4.1). The role's
 *   remark `admin` is what the gateway's menu check uses, not the data scope.
 * - Effective dataType of (user, menu) = the largest raw `data_type` among the user's roles granting that exact
 *   menu (`ORDER BY data_type desc limit 1`, §7.1); `DataAuthEnum.valueOf` maps a value outside 1..5 to MYSELF.
 *   A user no role grants the menu to does not get past the gateway, so sees nothing through it.
 * - 2: self + users whose manager chain (`parent_id`) reaches the viewer within 20 steps (`getChildList` follows
 *   the chain, round a cycle too); 3: self + users with the same `dept_id` (whether or not the department row
 *   exists); 4: self + users whose `dept_id` is the viewer's or whose department's `pid` chain reaches it within
 *   20 steps; 5: everyone (§7.2).
 */
/** Hard-coded in `UserUtil.isAdmin()` (§4.1); written here from the reference, not taken from the engine. */
export const SUPER_USER_ID = '14773';
export const SUPER_ROLE_ID = '180162';
export const RECURSION_DEPTH = 20;

/** `DataAuthEnum.valueOf`: 1..5 as they are, anything else MYSELF. */
export function dataAuth(raw: number): 1 | 2 | 3 | 4 | 5 {
  return raw === 2 || raw === 3 || raw === 4 || raw === 5 ? raw : 1;
}

/**
 * The distinct raw dataType values the snapshot's roles carry, largest first: the "levels" of the max rule.
 * Each peer states "the largest is L" as "some granting role is at L or above, none above L".
 */
export function scopeLevels(snapshot: Snapshot): number[] {
  const set = new Set<number>();
  for (const role of snapshot.roles) set.add(role.dataScope as number);
  return [...set].sort((a, b) => b - a);
}

/** The menus the benchmark asks about: every CRM list action (`crm:*:index`), in catalogue order. */
export function crmListMenus(snapshot: Snapshot): string[] {
  return snapshot.permissions.filter((p) => p.kind === 'action' && /^crm:[^:]+:index$/.test(p.key)).map((p) => p.id);
}
