import * as cedar from '@cedar-policy/cedar-wasm/nodejs';
import type { Context, EntityJson, EntityUidJson } from '@cedar-policy/cedar-wasm/nodejs';
import type { Role, Snapshot } from '../../../src-main/common/domain';
import { RECURSION_DEPTH, SUPER_ROLE_ID, SUPER_USER_ID, dataAuth, scopeLevels } from './wukongScope';

/**
 * Cedar (`@cedar-policy/cedar-wasm`, the Rust authorizer compiled to WebAssembly) answering WukongCRM's
 * data-scope question.
 *
 * Entities: `User` (parents: its roles; attributes `dept` and, when set, `manager`), `Role` (parents: one
 * `Grant::"menu#level"` per granted menu, level = its raw data_type), `Grant::"menu#level"` (parent: the same
 * menu's next lower level, so `principal in Grant::"28#3"` means "a role granting 28 has data_type ≥ 3"), `Dept`
 * (attribute `parent` when `pid` is set; a missing department is simply an entity that is not there).
 *
 * Policies (parsed once with `preparsePolicySet`): one `permit` for the super admin (user 14773 or role
 * 180162, §4.1) and one per raw level L, largest first: `principal in context.l<i> && !(principal in
 * context.l<i-1>)` (the max rule as a negation) `&& (resource == principal || reach)`, where reach is written out
 * for `DataAuthEnum.valueOf(L)`: 2 → `resource.manager == principal || resource.manager.manager == principal …`
 * 20 steps with `has` guards, 3 → same `dept`, 4 → `resource.dept`, its `parent`, … 20 steps, 5 → true. Cedar's
 * `in` is transitive without a depth limit, so the 20-level hierarchies are written as attribute chains.
 *
 * The wasm binding keeps policies but not entities: every call carries the entities it needs. They are built
 * once at load; each request gets its slice (principal, owner, the owner's manager chain and department chain
 * 20 deep, the principal's roles that grant the asked menu with only that menu's grant as parent, that menu's
 * grant chain from the highest of those roles' levels down) — the entity slicing Cedar's documentation asks applications to do.
 */
export interface CedarPeer {
  canSee(viewer: string, owner: string, menu: string): boolean;
  /** Effective scope of (user, menu), 0 = no grant: read from the policy that permits the user's own records. */
  scopeOf(user: string, menu: string): number;
  /** Replace one role's data type and grants: rebuild its entities (the policy set stays unless a level is new). */
  updateRole(before: Role, after: Role): void;
  readonly entities: number;
}

let psetCounter = 0;

const uid = (type: string, id: string): EntityUidJson => ({ type, id });
const ref = (type: string, id: string) => ({ __entity: { type, id } });

function reachPolicy(scope: number): string {
  switch (scope) {
    case 5:
      return 'true';
    case 3:
      return 'resource.dept == principal.dept';
    case 2:
    case 4: {
      // resource.manager == principal || (resource.manager has manager && (resource.manager.manager == principal || …))
      const [base, attr, target] = scope === 2 ? ['resource', 'manager', 'principal'] : ['resource.dept', 'parent', 'principal.dept'];
      let path = base;
      const steps: string[] = [];
      for (let k = 1; k <= RECURSION_DEPTH; k++) {
        steps.push(`${path} has ${attr}`);
        path = `${path}.${attr}`;
        steps.push(`${path} == ${target}`);
      }
      // Nest from the deepest step outwards: a && (b || (c && (d || …))).
      let expr = '';
      for (let i = steps.length - 1; i >= 0; i -= 2) {
        const test = steps[i]!;
        const guard = steps[i - 1]!;
        expr = expr ? `(${guard} && (${test} || ${expr}))` : `(${guard} && ${test})`;
      }
      return scope === 4 ? `resource.dept == principal.dept || ${expr}` : expr;
    }
    default:
      return 'false';
  }
}

export function cedarPolicies(levels: readonly number[]): { text: Record<string, string>; scopeOfPolicy: Map<string, number> } {
  const text: Record<string, string> = {};
  const scopeOfPolicy = new Map<string, number>();
  text.super = `permit (principal, action == Action::"see", resource) when { principal == User::"${SUPER_USER_ID}" || principal in Role::"${SUPER_ROLE_ID}" };`;
  scopeOfPolicy.set('super', 5);
  levels.forEach((level, i) => {
    const scope = dataAuth(level);
    const above = i === 0 ? '' : ` && !(principal in context.l${i - 1})`;
    text[`level${i}`] = `permit (principal, action == Action::"see", resource) when { principal in context.l${i}${above} && (resource == principal || ${reachPolicy(scope)}) };`;
    scopeOfPolicy.set(`level${i}`, scope);
  });
  return { text, scopeOfPolicy };
}

export function buildCedarPeer(snapshot: Snapshot): CedarPeer {
  const levels = scopeLevels(snapshot);
  const { text, scopeOfPolicy } = cedarPolicies(levels);
  const psetId = `gatehouse-bench-${++psetCounter}`;
  const parsed = cedar.preparsePolicySet(psetId, { staticPolicies: text });
  if (parsed.type !== 'success') throw new Error(`cedar: policies do not parse: ${JSON.stringify(parsed.errors)}`);

  const users = new Map<string, EntityJson>();
  const managerOf = new Map<string, string>();
  const rolesOf = new Map<string, readonly string[]>();
  const deptOf = new Map<string, string>();
  for (const user of snapshot.users) {
    deptOf.set(user.id, user.departmentId);
    const roleIds = [...new Set(user.roleIds)];
    const attrs: EntityJson['attrs'] = { dept: ref('Dept', user.departmentId) };
    if (user.managerId !== null) {
      attrs.manager = ref('User', user.managerId);
      managerOf.set(user.id, user.managerId);
    }
    users.set(user.id, { uid: uid('User', user.id), attrs, parents: roleIds.map((r) => uid('Role', r)) });
    rolesOf.set(user.id, roleIds);
  }
  const depts = new Map<string, EntityJson>();
  const deptParent = new Map<string, string>();
  for (const d of snapshot.departments) {
    depts.set(d.id, { uid: uid('Dept', d.id), attrs: d.parentId === null ? {} : { parent: ref('Dept', d.parentId) }, parents: [] });
    if (d.parentId !== null) deptParent.set(d.id, d.parentId);
  }
  // Per role and granted menu: the role entity as a request about that menu needs it.
  const roleForMenu = new Map<string, Map<string, EntityJson>>();
  const levelOfRole = new Map<string, number>();
  const levelIndex = new Map(levels.map((level, i) => [level, i]));
  const setRole = (role: Role) => {
    levelOfRole.set(role.id, role.dataScope as number);
    const byMenu = new Map<string, EntityJson>();
    for (const menu of new Set(role.permissionIds)) {
      byMenu.set(menu, { uid: uid('Role', role.id), attrs: {}, parents: [uid('Grant', `${menu}#${role.dataScope}`)] });
    }
    roleForMenu.set(role.id, byMenu);
  };
  snapshot.roles.forEach(setRole);
  const grantChain = new Map<string, EntityJson[]>();
  const contextOf = new Map<string, Context>();
  for (const p of snapshot.permissions) {
    grantChain.set(p.id, levels.map((level, i) => ({
      uid: uid('Grant', `${p.id}#${level}`),
      attrs: {},
      parents: i + 1 < levels.length ? [uid('Grant', `${p.id}#${levels[i + 1]}`)] : [],
    })));
    const context: Context = {};
    levels.forEach((level, i) => { context[`l${i}`] = ref('Grant', `${p.id}#${level}`); });
    contextOf.set(p.id, context);
  }

  const action = uid('Action', 'see');
  const slice = (viewer: string, owner: string, menu: string): EntityJson[] => {
    const out: EntityJson[] = [];
    const seenUsers = new Set<string>();
    const addUser = (id: string) => {
      if (seenUsers.has(id)) return;
      seenUsers.add(id);
      const e = users.get(id);
      if (e) out.push(e);
    };
    addUser(viewer);
    // The principal's roles that grant the menu, and the grant chain from the highest of their levels down.
    let from = levels.length;
    for (const roleId of rolesOf.get(viewer) ?? []) {
      const e = roleForMenu.get(roleId)?.get(menu);
      if (!e) continue;
      out.push(e);
      from = Math.min(from, levelIndex.get(levelOfRole.get(roleId)!)!);
    }
    const chain = grantChain.get(menu);
    if (chain) for (let i = from; i < chain.length; i++) out.push(chain[i]!);
    // The owner, and what `resource.manager…` / `resource.dept.parent…` may read, 20 steps deep.
    addUser(owner);
    let m = managerOf.get(owner);
    for (let k = 1; k < RECURSION_DEPTH && m !== undefined; k++) {
      addUser(m);
      m = managerOf.get(m);
    }
    const seenDepts = new Set<string>();
    let d = deptOf.get(owner);
    for (let k = 0; k < RECURSION_DEPTH && d !== undefined && !seenDepts.has(d); k++) {
      seenDepts.add(d);
      const e = depts.get(d);
      if (e) out.push(e);
      d = deptParent.get(d);
    }
    return out;
  };
  const ask = (viewer: string, owner: string, menu: string) => {
    if (!users.has(viewer) || !users.has(owner)) throw new Error(`cedar peer: unknown user ${viewer} or ${owner}`);
    const answer = cedar.statefulIsAuthorized({
      principal: uid('User', viewer),
      action,
      resource: uid('User', owner),
      context: contextOf.get(menu) ?? {},
      preparsedPolicySetId: psetId,
      entities: slice(viewer, owner, menu),
    });
    if (answer.type !== 'success') throw new Error(`cedar: ${JSON.stringify(answer.errors)}`);
    return answer.response;
  };

  return {
    entities: users.size + depts.size + snapshot.roles.length + grantChain.size * levels.length,
    canSee(viewer, owner, menu) {
      return ask(viewer, owner, menu).decision === 'allow';
    },
    scopeOf(user, menu) {
      const response = ask(user, user, menu);
      if (response.decision !== 'allow') return 0;
      if (response.diagnostics.reason.includes('super')) return 5;
      return scopeOfPolicy.get(response.diagnostics.reason[0]!) ?? -1;
    },
    updateRole(_before, after) {
      if (!levels.includes(after.dataScope as number)) throw new Error('cedar peer: a new data_type level needs a new policy');
      setRole(after);
    },
  };
}
