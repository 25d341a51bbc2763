/**
 * Sync benchmark (`npm run bench:sync`): pull a 5,000-user organisation from the WukongCRM emulator, then plan
 * and push 200 role changes and verify them, all over real HTTP on 127.0.0.1, through the SyncService and a
 * real encrypted workspace. The emulator runs in its own process so the bench process's CPU time is the
 * client's cost. Prints a table; asserts nothing (numbers go to docs/performance.md, section Sync).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DraftOperation } from '../../src-main/common/draft';
import { SyncService, createWukongConnector } from '../../src-main/services/sync';
import { WorkspaceService } from '../../src-main/services/workspace';

const USERS = 5_000;
const CUSTOM_ROLES = 100;
const ROLE_CHANGES = 200;
const ADMIN_PASSWORD = 'BenchPassw0rd';

interface Measure {
  wallMs: number;
  cpuMs: number;
}

async function measure<T>(fn: () => Promise<T>): Promise<Measure & { result: T }> {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, result };
}

async function startEmulatorProcess(): Promise<{ url: string; username: string; stop(): void }> {
  const child = spawn(
    'npx',
    ['tsx', 'tests/wukong-emulator/main.ts', '--users', String(USERS), '--custom-roles', String(CUSTOM_ROLES), '--seed', '1', '--admin-password', ADMIN_PASSWORD],
    { stdio: ['ignore', 'pipe', 'inherit'], detached: true },
  );
  let out = '';
  const ready = await new Promise<{ url: string; username: string }>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /URL: (\S+)/.exec(out)?.[1];
      const username = /Username: (\S+)/.exec(out)?.[1];
      if (url && username && out.includes('Organisation:')) resolve({ url, username });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}): ${out}`)));
  });
  return { ...ready, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}

function roleChanges(base: Awaited<ReturnType<SyncService['pull']>>['snapshot']): DraftOperation[] {
  const crmRoles = base.roles.filter((r) => r.groupId === '2' && r.remark === null);
  const crmActions = base.permissions.filter((p) => p.kind === 'action' && (p.key.startsWith('crm:') || p.key.startsWith('bi:'))).map((p) => p.id);
  const ops: DraftOperation[] = [];
  for (let i = 0; ops.length < ROLE_CHANGES; i++) {
    const role = crmRoles[i % crmRoles.length]!;
    const held = new Set(role.permissionIds);
    const round = Math.floor(i / crmRoles.length);
    if (round % 2 === 0) {
      const grant = crmActions.find((p, k) => !held.has(p) && k % 7 === round % 7) ?? crmActions.find((p) => !held.has(p));
      if (grant) ops.push({ type: 'grantPermissions', roleIds: [role.id], permissionIds: [grant] });
    } else {
      const revoke = role.permissionIds[round % Math.max(1, role.permissionIds.length)];
      if (revoke) ops.push({ type: 'revokePermissions', roleIds: [role.id], permissionIds: [revoke] });
    }
  }
  return ops;
}

async function main(): Promise<void> {
  console.log(`sync bench: ${USERS} users, ${CUSTOM_ROLES} custom roles, ${ROLE_CHANGES} role changes; Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model}, load ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const seeding = performance.now();
  const emulator = await startEmulatorProcess();
  console.log(`emulator ready in ${((performance.now() - seeding) / 1000).toFixed(1)} s at ${emulator.url}`);
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-sync-bench-'));
  try {
    const workspaces = new WorkspaceService({ directory: dir, scrypt: { N: 2 ** 14, r: 8, p: 1 }, idleLockMs: null });
    const ws = await workspaces.create({ name: 'bench', protection: { kind: 'passphrase', passphrase: 'bench-passphrase' } });
    const data = workspaces.data(ws.id);
    data.setConnection({ connector: 'wukong-crm-11', serverUrl: emulator.url, username: emulator.username, secretKind: 'password', secret: ADMIN_PASSWORD });
    let calls = 0;
    // When each pull step starts (first progress event), to split a pull's wall time by step.
    let stepStarts: Array<[string, number]> = [];
    const sync = new SyncService({
      data,
      createConnector: (profile) => createWukongConnector(profile, { onCall: () => calls++ }),
      emit: (e) => {
        if (e.type === 'sync.progress' && stepStarts.at(-1)?.[0] !== e.step) stepStarts.push([e.step, performance.now()]);
      },
    });
    const count = async <T>(fn: () => Promise<T>) => {
      calls = 0;
      const m = await measure(fn);
      return { ...m, calls };
    };

    const firstPull = await count(() => sync.pull());
    stepStarts = [];
    const pull = await count(() => sync.pull());
    const pullEnd = performance.now();
    const pullSteps = stepStarts.map(([step, at], i) => `${step} ${(((stepStarts[i + 1]?.[1] ?? pullEnd) - at) / 1000).toFixed(1)} s`).join(', ');
    const base = pull.result.snapshot;
    const ops = roleChanges(base);
    const plan = await count(() => sync.plan({ draftId: 'bench', base, ops }));
    if (plan.result.status !== 'ready') throw new Error(`plan is ${plan.result.status}: ${JSON.stringify(plan.result.refusals.slice(0, 2))}`);
    const planOnly = await measure(async () => createWukongConnector(data.getConnectionCredentials()!).plan(plan.result.plannedOn, ops));
    const push = await count(() => sync.push(plan.result));
    if (push.result.failure) throw new Error(`push failed: ${JSON.stringify(push.result.failure)}`);
    const verify = await count(() => sync.verify({ pushId: push.result.pushId, plannedOn: plan.result.plannedOn, projection: plan.result.projection }));
    await sync.disconnect();

    const row = (what: string, m: Measure & { calls?: number }, target = '') =>
      `| ${what} | ${m.wallMs.toFixed(0)} ms | ${m.cpuMs.toFixed(0)} ms | ${m.calls ?? ''} | ${target} |`;
    console.log('');
    console.log(`organisation: ${base.users.length} users, ${base.departments.length} departments, ${base.roles.length} roles (${base.roles.filter((r) => r.groupId === '2').length} CRM), ${base.fieldRules.length} field rules`);
    console.log(`draft: ${ops.length} role changes → ${plan.result.steps.length} steps (${[...new Set(plan.result.steps.map((s) => s.endpoint))].join(', ')})`);
    console.log('');
    console.log('| measure | wall | CPU (bench process) | HTTP calls | target |');
    console.log('|---|---|---|---|---|');
    console.log(row('first pull (initialises field-rule rows on the server)', firstPull, '≤ 10 s'));
    console.log(row('pull', pull, '≤ 10 s'));
    console.log(`| … by step: ${pullSteps} | | | | |`);
    console.log(row('plan: pull again + rebase check + plan', plan));
    console.log(row('… of which planning alone (cell diff → steps)', planOnly));
    console.log(row(`push ${ops.length} role changes (journaled, re-read before each write)`, push, '≤ 10 s'));
    console.log(row('verify: pull again + compare', verify));
    console.log('');
    console.log(`verify: ok=${verify.result.ok}, mismatches=${verify.result.mismatches.length}, changed elsewhere=${verify.result.changedElsewhere.length}; load after: ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    workspaces.lockAll();
  } finally {
    emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
