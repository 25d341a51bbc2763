import type { User, UserStatus } from '../domain';
import { WUKONG_SUPER_ROLE_ID, WUKONG_SUPER_USER_ID } from '../wukong';
import { UniqueNames, loginFor } from './chineseNames';
import { headTitle, memberTitles, type DepartmentKind } from './departmentNames';
import { departmentIdAt, type DepartmentPlan } from './departments';
import type { SeededRandom } from './prng';
import type { RoleDirectory } from './roleDirectory';

/** User ids continue from the super admin 14773, as WukongCRM's `wk_admin_user` ids do. */
export function userIdAt(index: number): string {
  return index === 0 ? WUKONG_SUPER_USER_ID : String(Number(WUKONG_SUPER_USER_ID) + index);
}

export interface PeoplePlan {
  users: User[];
  /** Head user index per department, -1 when the department has no head. */
  headOf: Int32Array;
}

const CEO = 1;

/**
 * People of the organisation, in an order where every manager comes before their reports (index order), which
 * makes cycles impossible by construction:
 *   0 — the super admin (14773, role 180162, no manager) — WukongCRM's `initUser` account;
 *   1 — the general manager, head of 全公司;
 *   then one head per department in tree order, reporting to the head of the parent department;
 *   then everyone else, spread over departments (leaf teams are the biggest), reporting mostly to their head,
 *   sometimes to a colleague (team leads), the parent department's head, or across the organisation.
 */
export function generatePeople(rng: SeededRandom, plan: DepartmentPlan, count: number, roles: RoleDirectory): PeoplePlan {
  const departmentCount = plan.departments.length;
  const deptOf = new Int32Array(count);
  const managerOf = new Int32Array(count).fill(-1);
  const isHead = new Uint8Array(count);
  const headOf = new Int32Array(departmentCount).fill(-1);
  const names = new UniqueNames();
  names.reserve('管理员');

  // Heads: the general manager for the root, then one per department while people last.
  const headCount = Math.min(departmentCount, count - 1);
  for (let d = 0; d < headCount; d += 1) {
    const u = CEO + d;
    deptOf[u] = d;
    isHead[u] = 1;
    headOf[d] = u;
    const parent = plan.parent[d] as number;
    managerOf[u] = parent < 0 ? -1 : (headOf[parent] as number);
  }

  // Everyone else, by department weight: leaf teams hold most people, sales a little more.
  const cumulative = new Float64Array(departmentCount);
  let total = 0;
  for (let d = 0; d < departmentCount; d += 1) {
    const kind = plan.kinds[d] as DepartmentKind;
    const base = d === 0 ? 0.3 : (plan.childCount[d] as number) === 0 ? 4 : 1.2;
    total += base * (kind.fn === 'sales' ? 1.3 : 1);
    cumulative[d] = total;
  }
  const members: number[][] = Array.from({ length: departmentCount }, () => []);
  for (let u = CEO + headCount; u < count; u += 1) {
    const d = upperBound(cumulative, rng.next() * total);
    deptOf[u] = d;
    managerOf[u] = chooseManager(rng, d, plan, headOf, members[d] as number[], headCount);
    (members[d] as number[]).push(u);
  }

  // One long reporting line in the biggest team, each reporting to the previous one, so engines meet chains deeper
  // than WukongCRM's own recursion limit of 20 (reference §7.2) and must not recurse per level.
  if (count >= 1000) {
    let biggest = 0;
    for (let d = 1; d < departmentCount; d += 1) if ((members[d] as number[]).length > (members[biggest] as number[]).length) biggest = d;
    const team = members[biggest] as number[];
    const length = Math.min(team.length, count >= 10_000 ? 25 : 12);
    for (let j = 1; j < length; j += 1) managerOf[team[j] as number] = team[j - 1] as number;
  }

  const users: User[] = new Array(count);
  users[0] = {
    id: WUKONG_SUPER_USER_ID,
    login: 'admin',
    name: '管理员',
    departmentId: departmentIdAt(0),
    managerId: null,
    status: 'active',
    title: '系统管理员',
    roleIds: [WUKONG_SUPER_ROLE_ID],
  };
  for (let u = 1; u < count; u += 1) {
    const kind = plan.kinds[deptOf[u] as number] as DepartmentKind;
    const head = isHead[u] === 1;
    const person = names.next(rng);
    const status = drawStatus(rng, head || u === CEO);
    const manager = managerOf[u] as number;
    users[u] = {
      id: userIdAt(u),
      login: loginFor(person.pinyin, u),
      name: person.name,
      departmentId: (plan.departments[deptOf[u] as number] as { id: string }).id,
      // Managers come first, so their user (and id string) already exists: share it rather than build another.
      managerId: manager < 0 ? null : (users[manager] as User).id,
      status,
      title: head ? headTitle(kind) : rng.pick(memberTitles(kind.fn)),
      // A few active people have lost every role (relatedDeptUser replaces roles, reference §4.2).
      roleIds: !head && status === 'active' && rng.chance(0.004) ? [] : roles.rolesFor(rng, kind.fn, head),
    };
  }
  return { users, headOf };
}

function chooseManager(rng: SeededRandom, d: number, plan: DepartmentPlan, headOf: Int32Array, team: readonly number[], headCount: number): number {
  const head = headOf[d] as number;
  const parent = plan.parent[d] as number;
  const parentHead = parent < 0 ? -1 : (headOf[parent] as number);
  const r = rng.next();
  let pick = head;
  if (r < 0.66) pick = head;
  else if (r < 0.86) pick = team.length > 0 ? (team[team.length - 1] as number) : head;
  else if (r < 0.93) pick = team.length > 0 ? (team[rng.below(team.length)] as number) : head;
  else if (r < 0.97) pick = parentHead >= 0 ? parentHead : head;
  else if (headCount > 0) pick = headOf[rng.below(headCount)] as number; // dotted line to another department's head
  return pick >= 0 ? pick : CEO;
}

function drawStatus(rng: SeededRandom, senior: boolean): UserStatus {
  const r = rng.next();
  if (senior) return r < 0.97 ? 'active' : r < 0.985 ? 'inactive' : 'disabled';
  return r < 0.9 ? 'active' : r < 0.96 ? 'inactive' : 'disabled';
}

/** First index whose cumulative weight exceeds x. */
function upperBound(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cumulative[mid] as number) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
