/**
 * Incremental compile benchmark (`npm run bench:incremental`): what one draft gesture costs the engine — the
 * projection's policy updated from the state before (common/policy/incremental.ts) plus the impact against the
 * base, beside a full compile plus the same impact. Generated WukongCRM organisations as in bench:engine (2k
 * departments, 300 roles, the default catalogue); gestures made by the draft's own `apply`. Numbers are
 * reported, never asserted.
 *
 *   npm run bench:incremental                 1k, 10k and 100k users
 *   npm run bench:incremental -- 100000       chosen sizes
 */
import { cpus, loadavg } from 'node:os';
import { apply } from '../../src-main/common/draft';
import type { DraftOperation } from '../../src-main/common/draft';
import type { Snapshot } from '../../src-main/common/domain';
import { generateOrganisation } from '../../src-main/common/generator';
import { type CompiledPolicy, compilePolicy, impact, updatePolicy } from '../../src-main/common/policy';
import { isProtectedRole } from '../../src-main/common/wukong';
import { loadBundledCatalogue } from '../../src-main/services/resources';

const DEPARTMENTS = 2000;
const ROLES = 300;
const SEED = 20261129;
const RUNS = 7;

interface Sample { wall: number; cpu: number }
interface Measured { first: Sample; best: Sample }

/** First run (cold JIT) and the best of RUNS (wall and this process's CPU, ms). */
function measure(fn: () => unknown): Measured {
  const samples: Sample[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpu0 = process.cpuUsage();
    const start = performance.now();
    fn();
    const wall = performance.now() - start;
    const d = process.cpuUsage(cpu0);
    samples.push({ wall, cpu: (d.user + d.system) / 1000 });
  }
  return {
    first: samples[0]!,
    best: { wall: Math.min(...samples.map((s) => s.wall)), cpu: Math.min(...samples.map((s) => s.cpu)) },
  };
}

/** The most-held CRM role that grants scoped actions: what a one-role gesture at scale touches most. */
function busiestRole(snapshot: Snapshot, policy: CompiledPolicy): { id: string; members: number; scoped: string } {
  const scoped = new Set(snapshot.permissions.filter((p) => p.scoped).map((p) => p.id));
  let best = -1;
  const members = (r: number) => policy.roleMemberStart[r + 1]! - policy.roleMemberStart[r]!;
  snapshot.roles.forEach((role, r) => {
    if (isProtectedRole(role) || !role.permissionIds.some((p) => scoped.has(p))) return;
    if (best < 0 || members(r) > members(best)) best = r;
  });
  const role = snapshot.roles[best]!;
  return { id: role.id, members: members(best), scoped: role.permissionIds.find((p) => scoped.has(p))! };
}

function gestures(snapshot: Snapshot, policy: CompiledPolicy): Array<{ name: string; ops: DraftOperation[] }> {
  const role = busiestRole(snapshot, policy);
  const current = snapshot.roles.find((r) => r.id === role.id)!;
  const notGranted = snapshot.permissions.find((p) => p.kind === 'action' && p.key.startsWith('crm:') && !current.permissionIds.includes(p.id))!;
  const five = Array.from({ length: 5 }, (_, i) => snapshot.users[Math.floor(((i + 1) * snapshot.users.length) / 7)]!);
  const someone = snapshot.roles.find((r) => r.groupId === current.groupId && r.id !== role.id && !isProtectedRole(r))!;
  const other = snapshot.departments.find((d) => d.parentId !== null && five.every((u) => u.departmentId !== d.id))!;
  const r = policy.roleIndex.get(role.id)!;
  const holders = Array.from(policy.roleMembers.subarray(policy.roleMemberStart[r]!, policy.roleMemberStart[r]! + 5), (u) => policy.userIds[u]!);
  return [
    { name: `scope + revoke on the busiest role (${role.members} members)`, ops: [
      { type: 'setDataScope', roleId: role.id, dataScope: current.dataScope === 5 ? 2 : 5 },
      { type: 'revokePermissions', roleIds: [role.id], permissionIds: [role.scoped] },
    ] },
    { name: 'grant one action to the busiest role', ops: [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [notGranted.id] }] },
    { name: 'assign a role to 5 people', ops: [{ type: 'assignRoles', userIds: five.map((u) => u.id), roleIds: [someone.id] }] },
    { name: 'unassign the busiest role from 5 holders', ops: [{ type: 'unassignRoles', userIds: holders, roleIds: [role.id] }] },
    { name: 'structural: move 5 people (full compile)', ops: [{ type: 'moveUsers', userIds: five.map((u) => u.id), departmentId: other.id }] },
  ];
}

const ms = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));

function benchSize(users: number) {
  const catalogue = loadBundledCatalogue();
  const snapshot = generateOrganisation(catalogue, { seed: SEED, users, departments: DEPARTMENTS, customRoles: ROLES - catalogue.defaultRoles.length });
  const base = compilePolicy(snapshot);
  console.log(`\n${users} users, ${base.roleCount} roles, ${base.permCount} permissions, ${base.profileCount} role profiles`);
  console.log('| gesture | path | update (CPU best / first) | impact (CPU best) | update + impact CPU | full compile + impact CPU | users affected |');
  console.log('|---|---|---|---|---|---|---|');
  for (const g of gestures(snapshot, base)) {
    const next = apply(snapshot, { id: 'bench', ops: g.ops }, { rules: 'structural' });
    const update = measure(() => updatePolicy(base, next));
    const result = updatePolicy(base, next);
    const imp = measure(() => impact(base, result.policy));
    const both = measure(() => impact(base, updatePolicy(base, next).policy));
    const full = measure(() => impact(base, compilePolicy(next)));
    const report = impact(base, result.policy);
    console.log(`| ${g.name} | ${result.incremental ? `incremental (${result.changedUsers} people, ${result.refilledProfiles} rows)` : `full: ${result.reason}`} | ` +
      `${ms(update.best.cpu)} / ${ms(update.first.cpu)} ms | ${ms(imp.best.cpu)} ms | **${ms(both.best.cpu)} ms** (wall ${ms(both.best.wall)}) | ` +
      `${ms(full.best.cpu)} ms | ${report.counts.usersAffected} |`);
  }
}

function main() {
  const args = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const sizes = args.length ? args : [1_000, 10_000, 100_000];
  const cpu = cpus();
  console.log(`Incremental compile — ${new Date().toISOString()} — Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  console.log(`Best of ${RUNS} runs (first run shown for the update: cold JIT); CPU = this process's user + system time.`);
  for (const n of sizes) benchSize(n);
  console.log(`\nload average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (the machine is shared: compare CPU times)`);
}

main();
