import type { Role, Snapshot, User } from '../../../src-main/common/domain';
import { generateOrganisation } from '../../../src-main/common/generator';
import type { WukongCatalogue } from '../../../src-main/common/wukong';
import { SUPER_ROLE_ID, crmListMenus } from './wukongScope';

/**
 * Small organisations, each with one corner of the reference that an engine can get wrong (issue 12), for the
 * benchmark to check the peers against each other and the engine against them. The peers follow the reference;
 * an engine that disagrees is reported, not the peers bent.
 */
export interface EdgeCase {
  readonly name: string;
  /** What the reference says should happen, in words. */
  readonly expect: string;
  readonly snapshot: Snapshot;
  /** Viewers to ask about (every owner, every CRM list menu). */
  readonly viewers: readonly string[];
  /** Answers written by hand from the reference (menu 28, the customer list), which both peers must give. */
  readonly expected: readonly { viewer: string; owner: string; allowed: boolean; why: string }[];
}

/** crm:customer:index, the menu of the hand-written expectations. */
export const EDGE_MENU = '28';

const SEED = 12012;

function base(catalogue: WukongCatalogue): Snapshot {
  return generateOrganisation(catalogue, { seed: SEED, users: 160, departments: 12, customRoles: 6 });
}

function edgeRole(snapshot: Snapshot, id: string, dataScope: number, remark: string | null = null): Role {
  const menus = crmListMenus(snapshot);
  const template = snapshot.roles.find((r) => r.id !== SUPER_ROLE_ID && r.permissionIds.some((m) => menus.includes(m)))!;
  return {
    ...template,
    id,
    name: `edge ${id}`,
    // Out-of-range values are what the server may hold (the domain schema stops at 1..5): cast on purpose.
    dataScope: dataScope as Role['dataScope'],
    permissionIds: menus,
    remark,
  };
}

/** Ordinary users (not the super admin, not department heads), to rewire without touching the rest. */
function plainUsers(snapshot: Snapshot, count: number, skip = 0): User[] {
  const heads = new Set(snapshot.departments.map((d) => d.headUserId));
  return snapshot.users.filter((u) => u.id !== '14773' && !heads.has(u.id)).slice(skip, skip + count);
}

function withChanges(snapshot: Snapshot, users: Map<string, Partial<User>>, roles: Role[] = [], extra: Partial<Snapshot> = {}): Snapshot {
  return {
    ...snapshot,
    users: snapshot.users.map((u) => (users.has(u.id) ? { ...u, ...users.get(u.id) } : u)),
    roles: [...snapshot.roles, ...roles],
    ...extra,
  };
}

export function edgeCases(catalogue: WukongCatalogue): EdgeCase[] {
  const s = base(catalogue);
  const out: EdgeCase[] = [];

  {
    const [a, b] = plainUsers(s, 2);
    const cycle = plainUsers(s, 25, 2);
    const changes = new Map<string, Partial<User>>([
      [a!.id, { managerId: b!.id, roleIds: ['edge-2'] }],
      [b!.id, { managerId: a!.id, roleIds: ['edge-2'] }],
    ]);
    cycle.forEach((u, i) => changes.set(u.id, { managerId: cycle[(i + 1) % cycle.length]!.id, roleIds: i === 0 ? ['edge-2'] : [] }));
    out.push({
      name: 'manager cycles',
      expect: 'a 2-cycle with scope 2 sees both; in a 25-cycle the head sees the 20 nearest reports round the cycle, not the other 4',
      snapshot: withChanges(s, changes, [edgeRole(s, 'edge-2', 2)]),
      viewers: [a!.id, b!.id, cycle[0]!.id, cycle[1]!.id],
      expected: [
        { viewer: a!.id, owner: b!.id, allowed: true, why: '2-cycle: b reports to a' },
        { viewer: b!.id, owner: a!.id, allowed: true, why: '2-cycle: a reports to b' },
        { viewer: cycle[0]!.id, owner: cycle[24]!.id, allowed: true, why: '1 step round the 25-cycle' },
        { viewer: cycle[0]!.id, owner: cycle[5]!.id, allowed: true, why: '20 steps round the 25-cycle' },
        { viewer: cycle[0]!.id, owner: cycle[4]!.id, allowed: false, why: '21 steps: past the recursion limit' },
        { viewer: cycle[1]!.id, owner: cycle[0]!.id, allowed: false, why: 'no role grants the menu' },
      ],
    });
  }
  {
    const [m1, m2, m3] = plainUsers(s, 3, 30);
    const child = s.departments.find((d) => d.parentId !== null && s.users.some((u) => u.departmentId === d.id && ![m1, m2, m3].includes(u)))!;
    const inChild = s.users.find((u) => u.departmentId === child.id && ![m1, m2, m3].includes(u))!;
    out.push({
      name: 'missing departments',
      expect: 'users of a department that has no row still match scope 3 by dept_id; scope 4 also reaches departments whose pid is that id',
      snapshot: withChanges(
        s,
        new Map([
          [m1!.id, { departmentId: 'gone-1', roleIds: ['edge-4'] }],
          [m2!.id, { departmentId: 'gone-1', roleIds: ['edge-3'] }],
          [m3!.id, { departmentId: 'gone-2', roleIds: ['edge-4'] }],
        ]),
        [edgeRole(s, 'edge-3', 3), edgeRole(s, 'edge-4', 4)],
        { departments: s.departments.map((d) => (d.id === child.id ? { ...d, parentId: 'gone-1' } : d)) },
      ),
      viewers: [m1!.id, m2!.id, m3!.id],
      expected: [
        { viewer: m1!.id, owner: m2!.id, allowed: true, why: 'scope 4, same missing dept_id' },
        { viewer: m1!.id, owner: inChild.id, allowed: true, why: 'scope 4: a department whose pid is the missing id' },
        { viewer: m2!.id, owner: m1!.id, allowed: true, why: 'scope 3, same missing dept_id' },
        { viewer: m2!.id, owner: inChild.id, allowed: false, why: 'scope 3 does not reach sub-departments' },
        { viewer: m3!.id, owner: m1!.id, allowed: false, why: 'another missing department' },
      ],
    });
  }
  {
    const [x, y] = plainUsers(s, 2, 40);
    out.push({
      name: 'super admin by id',
      expect: 'role 180162 makes its holder super admin whatever its remark; a role with remark admin and another id does not',
      snapshot: withChanges(
        s,
        new Map([[x!.id, { roleIds: [SUPER_ROLE_ID] }], [y!.id, { roleIds: ['edge-admin'] }]]),
        [],
        { roles: s.roles.map((r) => (r.id === SUPER_ROLE_ID ? { ...r, remark: null } : r)).concat(edgeRole(s, 'edge-admin', 1, 'admin')) },
      ),
      viewers: [x!.id, y!.id, '14773'],
      expected: [
        { viewer: x!.id, owner: y!.id, allowed: true, why: 'holds role 180162 (remark cleared)' },
        { viewer: y!.id, owner: x!.id, allowed: false, why: 'remark admin on another role: scope 1 only' },
        { viewer: y!.id, owner: y!.id, allowed: true, why: 'scope 1: own records' },
        { viewer: '14773', owner: x!.id, allowed: true, why: 'user 14773' },
      ],
    });
  }
  {
    const [p, q, r] = plainUsers(s, 3, 50);
    const mate = s.users.find((u) => u.departmentId === r!.departmentId && u !== r)!;
    out.push({
      name: 'data types outside 1..5',
      expect: 'the largest raw value wins and DataAuthEnum.valueOf maps 6, 0, -1 to MYSELF (6 beside 5 gives self only)',
      snapshot: withChanges(
        s,
        new Map([[p!.id, { roleIds: ['edge-5', 'edge-6'] }], [q!.id, { roleIds: ['edge-0'] }], [r!.id, { roleIds: ['edge-neg', 'edge-3'] }]]),
        [edgeRole(s, 'edge-5', 5), edgeRole(s, 'edge-6', 6), edgeRole(s, 'edge-0', 0), edgeRole(s, 'edge-neg', -1), edgeRole(s, 'edge-3', 3)],
      ),
      viewers: [p!.id, q!.id, r!.id],
      expected: [
        { viewer: p!.id, owner: q!.id, allowed: false, why: 'max(5, 6) = 6 → MYSELF' },
        { viewer: p!.id, owner: p!.id, allowed: true, why: 'MYSELF: own records' },
        { viewer: q!.id, owner: q!.id, allowed: true, why: '0 → MYSELF, the menu is held' },
        { viewer: q!.id, owner: p!.id, allowed: false, why: '0 → MYSELF' },
        { viewer: r!.id, owner: mate.id, allowed: true, why: 'max(-1, 3) = 3: own department' },
      ],
    });
  }
  return out;
}
