import type { CrmEdition } from '../crm';
import type { Snapshot } from '../domain';
import type { DecisionIndex } from './decisionIndex';
import type { EditionRules } from './editionRules';

/**
 * WukongCRM walks the manager chain and the department tree recursively but stops after 20 levels
 * (`Const.AUTH_DATA_RECURSION_NUM = 20`, used by `RecursionUtil.getChildList` behind `queryChildUserId`
 * and `queryChildDept`, reference §3 and §7.2). A report 21 levels down is invisible to scope 2.
 */
export const WUKONG_RECURSION_DEPTH = 20;

export interface CompileOptions {
  /**
   * Levels below a user (scope 2) or a department (scope 4) the server still reaches. Infinity = unbounded.
   * Default: the edition's (20 on Java, unbounded on PHP; editionRules.ts).
   */
  readonly recursionDepth?: number;
}

/** Scope numbers as the engine returns them: 0 = does not hold the permission, 1..5 = WukongCRM dataType. */
export type ScopeValue = 0 | 1 | 2 | 3 | 4 | 5;

export const FIELD_ACCESS_CODES = ['hidden', 'read', 'edit'] as const;
export const FIELD_MASK_CODES = ['none', 'list', 'listDetail'] as const;

/** Field rules of one module, densely indexed: role number × field number. */
export interface CompiledModuleFields {
  readonly module: string;
  /** Field names: the module's field definitions first, then names that only appear in rules. */
  readonly fields: readonly string[];
  readonly fieldIndex: ReadonlyMap<string, number>;
  /** [role * fields.length + field] → -1 no row (role not initialised), 0 hidden, 1 read, 2 edit. */
  readonly access: Int8Array;
  /** Same layout → -1 no row, 0 none, 1 list, 2 list + detail. */
  readonly mask: Int8Array;
  /** Per field: strictest mask over ALL roles' rows (WukongCRM `queryMaskFieldList`, reference §6). */
  readonly globalMask: Int8Array;
  /** Per role: 1 when it has a rule for some field of the module (on PHP: a field grant for the module). */
  readonly roleHasRow: Uint8Array;
}

/**
 * A snapshot compiled into dense numbers and typed arrays (CASL-style rule index). Users, roles,
 * permissions and departments are numbered in snapshot order; every question is an array lookup or an
 * interval test on the Euler tours. Immutable: build a new one for a new snapshot.
 */
export interface CompiledPolicy {
  readonly snapshot: Snapshot;
  /** The snapshot's edition (absent = Java) and the rules the engine follows for it. */
  readonly edition: CrmEdition;
  readonly rules: EditionRules;
  readonly recursionDepth: number;

  readonly userCount: number;
  readonly userIds: readonly string[];
  readonly userIndex: ReadonlyMap<string, number>;
  /** Department node of each user (a node without a row when the department is unknown, see deptIds). */
  readonly userDept: Int32Array;
  /** Manager user number (-1 none or unknown). */
  readonly userManager: Int32Array;
  /** 0 active, 1 inactive, 2 disabled. */
  readonly userStatus: Uint8Array;
  /**
   * 1 for a super admin: Java `UserUtil.isAdmin()`, listed in superUserIds (14773) or holding role 180162
   * (wukong/superAdmin.ts); PHP `getAdminId()`, user 1 or a holder of role 1 (editionRules.ts).
   */
  readonly userSuper: Uint8Array;
  /**
   * 1 when the gateway lets every URL through: Java `queryNoAuthMenu` (14773 or the role with remark `admin`); PHP
   * `AuthenticateBehavior` (user 1 or a role of `types` 1).
   */
  readonly userGatewayAdmin: Uint8Array;
  /** CSR: roles of user u are userRoles[userRoleStart[u] .. userRoleStart[u+1]), deduplicated, in the user's order. */
  readonly userRoleStart: Int32Array;
  readonly userRoles: Int32Array;
  /** Profile = distinct (super flag, role set); users with the same roles share a row of scopes. */
  readonly userProfile: Int32Array;

  readonly roleCount: number;
  readonly roleIds: readonly string[];
  readonly roleIndex: ReadonlyMap<string, number>;
  /** The scope each role gives on its own, as the server reads its dataType (1..5; anything else 1). */
  readonly roleScope: Uint8Array;
  /** The order the server compares raw dataTypes in before reading the winner (dataType.ts). */
  readonly roleRank: Uint8Array;
  /** 1 for the role whose holders are super admin (Java 180162, `UserUtil.isAdmin`; PHP 1, `getAdminId`). */
  readonly roleSuper: Uint8Array;
  /** The Java gateway's super-admin role (`remark = 'admin' limit 1`), -1 if none (and on PHP, see roleGateway). */
  readonly gatewayRole: number;
  /** 1 for every role whose holders pass the gateway everywhere (Java: gatewayRole; PHP: roles of `types` 1). */
  readonly roleGateway: Uint8Array;
  /** 1 for roles whose holders read scope 2 as everyone (PHP `getSubUserId` with `types` 1; none on Java). */
  readonly roleReportsEveryone: Uint8Array;
  /** CSR of the permissions each role grants (known permissions only, deduplicated). */
  readonly rolePermStart: Int32Array;
  readonly rolePerms: Int32Array;
  /** CSR of each role's members (user numbers, ascending). */
  readonly roleMemberStart: Int32Array;
  readonly roleMembers: Int32Array;

  readonly permCount: number;
  readonly permIds: readonly string[];
  readonly permIndex: ReadonlyMap<string, number>;
  /** CSR of the roles granting each permission (exact id: WukongCRM checks the exact menu id, reference §7.1). */
  readonly permRoleStart: Int32Array;
  readonly permRoles: Int32Array;

  readonly profileCount: number;
  /** [profile * permCount + perm] → effective scope 0..5. */
  readonly profileScopes: Uint8Array;
  /** [profile * permCount + perm] → bit (1 << s) set for every scope s (as read alone) among the roles granting perm. */
  readonly profileScopeBits: Uint8Array;
  /** One user of each profile, so per-profile facts can find the profile's roles. */
  readonly profileSample: Int32Array;

  /** Department nodes: the snapshot's departments, then ids referenced without a row of their own (compileParts.ts). */
  readonly deptCount: number;
  /** snapshot.departments.length: nodes from here on have no row. */
  readonly knownDeptCount: number;
  readonly deptIds: readonly string[];
  readonly deptIndex: ReadonlyMap<string, number>;
  readonly deptParent: Int32Array;
  /** Euler tour of the department graph: pre-order position on entry, last position of the subtree. */
  readonly deptEnter: Int32Array;
  readonly deptExit: Int32Array;
  readonly deptDepth: Int32Array;
  /** Cycles (eulerTour.ts): the start of the walk of a node's cycle, -1 off a cycle; levels round to it. */
  readonly deptLoopRoot: Int32Array;
  readonly deptLoop: Int32Array;
  /** Users sorted by their department's pre-order position ... */
  readonly usersByDept: Int32Array;
  /** ... and where each pre-order position's users start (length deptCount + 1). */
  readonly deptUserStart: Int32Array;

  /** Euler tour of the manager forest over users; usersByManager lists users in pre-order. */
  readonly mgrEnter: Int32Array;
  readonly mgrExit: Int32Array;
  readonly mgrDepth: Int32Array;
  readonly mgrLoopRoot: Int32Array;
  readonly mgrLoop: Int32Array;
  readonly usersByManager: Int32Array;

  readonly modules: ReadonlyMap<string, CompiledModuleFields>;

  /**
   * What is derived from the fields above on first use and kept with this policy: every compiled or updated
   * policy gets a fresh one (never copy it from another policy, its contents describe this one).
   */
  readonly memo: PolicyMemo;
}

export interface PolicyMemo {
  /** decisionIndex.ts: the records behind canSee by id. */
  decisions?: DecisionIndex;
}
