/**
 * Policy engine benchmark (`npm run bench:engine`): generated WukongCRM organisations of 1k, 10k and 100k
 * users (2k departments, 300 roles, the default catalogue), the engine's questions timed, and node-casbin
 * answering the same boolean question (does user U hold permission P) on the same sample, checked
 * answer-for-answer. Numbers are reported, never asserted: this is not a timed test.
 *
 *   npm run bench:engine                 all three sizes
 *   npm run bench:engine -- 1000 10000   chosen sizes
 */
import { cpus, loadavg } from 'node:os';
import type { Role, Snapshot } from '../../src-main/common/domain';
import { generateOrganisation } from '../../src-main/common/generator';
import {
  accessMatrix, compilePolicy, effectiveScope, explain, impact, lintSnapshot, whoCanSee,
} from '../../src-main/common/policy';
import type { CompiledPolicy } from '../../src-main/common/policy';
import { loadBundledCatalogue } from '../../src-main/services/resources';
import { buildCasbinPeer, casbinHolds } from './lib/casbinPeer';
import type { Timing } from './lib/measure';
import { collectGarbage, heapUsedMb, maxRssMb, sampler, time, timePerCall } from './lib/measure';

const DEPARTMENTS = 2000;
const ROLES = 300;
const SEED = 20261129;
/** casbin decisions per size: a seeded sample of (user, CRM action) pairs, stopped early at the time budget. */
const CASBIN_SAMPLE = 2_000;
const CASBIN_BUDGET_MS = 20_000;

interface Row {
  users: number;
  compile: Timing;
  matrix: Timing;
  matrixScopesOnly: Timing;
  whoCanSee: Timing;
  explain: Timing;
  impact: Timing;
  lint: Timing;
  heapEngine: number;
  heapTotal: number;
  casbinLoad: number;
  casbinPerDecision: number;
  enginePerDecision: number;
  decisions: number;
  mismatches: number;
  cells: number;
  profiles: number;
}

async function benchSize(users: number): Promise<Row> {
  const catalogue = loadBundledCatalogue();
  const snapshot = generateOrganisation(catalogue, {
    seed: SEED, users, departments: DEPARTMENTS, customRoles: ROLES - catalogue.defaultRoles.length,
  });
  const crmActions = snapshot.permissions.filter((p) => p.kind === 'action' && p.key.startsWith('crm:')).map((p) => p.id);
  const heapBefore = heapUsedMb();

  const compiled = time(5, () => compilePolicy(snapshot));
  const policy = compiled.result;
  const heapCompiled = heapUsedMb() - heapBefore;

  const matrix = time(5, () => accessMatrix(policy, policy.userIds, crmActions));
  const heapEngine = heapUsedMb() - heapBefore; // compiled policy + the full matrix with its aggregates, live
  const heapTotal = heapUsedMb();
  const scopesOnly = time(5, () => accessMatrix(policy, policy.userIds, crmActions, { aggregates: false }));
  void heapCompiled;

  const pick = sampler(SEED);
  const owners = Array.from({ length: 50 }, () => policy.userIds[pick(policy.userCount)]!);
  const customerList = snapshot.permissions.find((p) => p.key === 'crm:customer:index')!.id;
  const who = timePerCall(10, 10, (i) => whoCanSee(policy, owners[i % owners.length]!, customerList).users.length);
  const scoped = snapshot.permissions.filter((p) => p.scoped).map((p) => p.id);
  const explainUsers = Array.from({ length: 500 }, () => policy.userIds[pick(policy.userCount)]!);
  const explained = timePerCall(10, 200, (i) => explain(policy, explainUsers[i % 500]!, scoped[i % scoped.length]!).effectiveScope);

  const changed = oneRoleChange(snapshot, policy);
  const after = compilePolicy(changed.snapshot);
  const impacted = time(5, () => impact(policy, after));
  const lint = time(2, () => lintSnapshot(policy));

  // casbin: the same boolean decision on the same (user, permission) pairs. casbin evaluates its matcher
  // against every policy line (~20k here), so it gets a seeded sample, capped by count and by time.
  const sampleUsers: string[] = [];
  const samplePerms: string[] = [];
  for (let i = 0; i < CASBIN_SAMPLE; i++) {
    sampleUsers.push(policy.userIds[pick(policy.userCount)]!);
    samplePerms.push(crmActions[pick(crmActions.length)]!);
  }
  const casbinLoad = await timeAsync(() => buildCasbinPeer(snapshot));
  const enforcer = casbinLoad.result;
  const casbinAnswers: number[] = [];
  const casbinStart = performance.now();
  while (casbinAnswers.length < CASBIN_SAMPLE && performance.now() - casbinStart < CASBIN_BUDGET_MS) {
    const i = casbinAnswers.length;
    casbinAnswers.push(casbinHolds(enforcer, sampleUsers[i]!, samplePerms[i]!) ? 1 : 0);
  }
  const casbinMs = performance.now() - casbinStart;
  const decisions = casbinAnswers.length;
  const engineAnswers = new Uint8Array(decisions);
  const engineTime = time(50, () => {
    for (let i = 0; i < decisions; i++) engineAnswers[i] = effectiveScope(policy, sampleUsers[i]!, samplePerms[i]!) > 0 ? 1 : 0;
  });
  let mismatches = 0;
  for (let i = 0; i < decisions; i++) if (casbinAnswers[i] !== engineAnswers[i]) mismatches++;

  const row: Row = {
    users,
    compile: compiled,
    matrix,
    matrixScopesOnly: scopesOnly,
    whoCanSee: who,
    explain: explained,
    impact: impacted,
    lint,
    heapEngine,
    heapTotal,
    casbinLoad: casbinLoad.ms,
    casbinPerDecision: casbinMs / decisions,
    enginePerDecision: engineTime.best / decisions,
    decisions,
    mismatches,
    cells: users * crmActions.length,
    profiles: policy.profileCount,
  };
  console.log(
    `  ${users} users: ${policy.profileCount} role profiles, ${crmActions.length} CRM actions, ` +
    `one-role change on "${changed.roleName}" (${changed.members} members): ${impacted.result.counts.usersAffected} users affected, ` +
    `${impacted.result.counts.candidatesExamined} examined; ${lint.result.length} lint findings`,
  );
  collectGarbage();
  return row;
}

/** The most-held role that grants scoped CRM actions: a new scope and one grant revoked. */
function oneRoleChange(snapshot: Snapshot, policy: CompiledPolicy) {
  const scoped = new Set(snapshot.permissions.filter((p) => p.scoped).map((p) => p.id));
  let best = -1;
  for (let r = 0; r < policy.roleCount; r++) {
    const role = snapshot.roles[r]!;
    if (role.remark === 'admin' || !role.permissionIds.some((p) => scoped.has(p))) continue;
    const members = policy.roleMemberStart[r + 1]! - policy.roleMemberStart[r]!;
    if (best < 0 || members > policy.roleMemberStart[best + 1]! - policy.roleMemberStart[best]!) best = r;
  }
  const role = snapshot.roles[best]!;
  const revoked = role.permissionIds.find((p) => scoped.has(p));
  const changedRole: Role = {
    ...role,
    dataScope: role.dataScope === 5 ? 2 : 5,
    permissionIds: role.permissionIds.filter((p) => p !== revoked),
  };
  const roles = snapshot.roles.slice();
  roles[best] = changedRole;
  return {
    snapshot: { ...snapshot, roles },
    roleName: role.name,
    members: policy.roleMemberStart[best + 1]! - policy.roleMemberStart[best]!,
  };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

const ms = (v: number) => (v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(3));
const us = (v: number) => (v * 1000).toFixed(v * 1000 >= 10 ? 1 : 2);

function printTable(rows: Row[]) {
  const line = (cells: string[]) => console.log(`| ${cells.join(' | ')} |`);
  const last = rows[rows.length - 1]!;
  const judged = last.users === 100_000;
  console.log('');
  line(['measure', ...rows.map((r) => `${r.users / 1000}k users`), 'target at 100k', 'holds (wall / cpu)']);
  line(['---', ...rows.map(() => '---:'), '---', '---']);
  const verdict = (ok: boolean) => (ok ? 'yes' : 'NO');
  const timed = (name: string, pick: (r: Row) => Timing, limit?: number) => {
    const t = pick(last);
    line([
      `${name} (ms, wall / cpu)`,
      ...rows.map((r) => `${ms(pick(r).best)} / ${ms(pick(r).cpu)}`),
      limit === undefined ? '' : `≤ ${limit}`,
      limit === undefined || !judged ? '' : `${verdict(t.best <= limit)} / ${verdict(t.cpu <= limit)}`,
    ]);
  };
  timed('compile', (r) => r.compile, 1000);
  timed('full matrix: users × CRM actions + dept and manager aggregates', (r) => r.matrix, 500);
  timed('matrix scopes only', (r) => r.matrixScopesOnly);
  timed('who-can-see, one (owner, permission)', (r) => r.whoCanSee, 20);
  timed('explain', (r) => r.explain, 1);
  timed('impact of a one-role change', (r) => r.impact, 200);
  timed('lint, all rules', (r) => r.lint);
  const mem = (name: string, pick: (r: Row) => number, limit?: number) =>
    line([name, ...rows.map((r) => pick(r).toFixed(0)), limit ? `≤ ${limit}` : '', limit && judged ? verdict(pick(last) <= limit) : '']);
  mem('memory: compiled policy + full matrix (MB, heap + typed arrays)', (r) => r.heapEngine, 500);
  mem('memory: all live data incl. the snapshot (MB)', (r) => r.heapTotal, 500);
  line(['casbin load (ms)', ...rows.map((r) => ms(r.casbinLoad)), '', '']);
  line(['casbin per decision (µs)', ...rows.map((r) => us(r.casbinPerDecision)), '', '']);
  line(['engine per decision, by id (µs)', ...rows.map((r) => us(r.enginePerDecision)), '', '']);
  const ratios = rows.map((r) => r.casbinPerDecision / r.enginePerDecision);
  line(['speed-up vs casbin (×)', ...ratios.map((v) => v.toFixed(0)), '≥ 50×', judged ? verdict(ratios[ratios.length - 1]! >= 50) : '']);
  line(['decisions compared (seeded sample of all cells)', ...rows.map((r) => `${r.decisions} of ${r.cells}`), '', '']);
  line(['identical answers', ...rows.map((r) => (r.mismatches === 0 ? 'yes' : `NO: ${r.mismatches} differ`)), 'identical', judged ? verdict(last.mismatches === 0) : '']);
  console.log('');
  console.log(`peak RSS of the whole run (casbin included): ${maxRssMb().toFixed(0)} MB`);
}

async function main() {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const run = sizes.length ? sizes : [1_000, 10_000, 100_000];
  const cpu = cpus();
  console.log(`Engine benchmark — ${new Date().toISOString()}`);
  console.log(`Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')}`);
  console.log(`Organisations: ${run.join(', ')} users, ${DEPARTMENTS} departments, ${ROLES} roles, WukongCRM default catalogue, seed ${SEED}`);
  console.log(`Times are the best of several repetitions (compile/matrix/impact 5, who-can-see 10×10, explain 10×200), wall clock and this process's CPU time; casbin answers a seeded sample of up to ${CASBIN_SAMPLE} (user, CRM action) decisions per size, stopped after ${CASBIN_BUDGET_MS / 1000} s; the engine answers the same sample (best of 50 passes) and every answer is compared.`);
  const rows: Row[] = [];
  for (const users of run) rows.push(await benchSize(users));
  printTable(rows);
  console.log(`load average at the end ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (the machine is shared: compare best-of numbers)`);
}

await main();
