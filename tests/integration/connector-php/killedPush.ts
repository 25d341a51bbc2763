/**
 * SIGKILL in the middle of a PHP-edition push, then resume: the child process runs the journaled push and is
 * killed as soon as its second call has settled (the third may be on the wire); the workspace is opened again
 * and the push resumed. It must end verified, with every call done once (on the emulator, counted).
 */
import { spawn } from 'node:child_process';
import { WorkspaceJournal } from '../../../src-main/services/sync';
import { crmActions, crmRoles, phpSync, phpWorkspace, reopenPhpWorkspace, type Outcome } from './scenarios';
import { prepareOrganisation, type PhpTarget } from './target';

export async function runKilledPush(target: PhpTarget): Promise<Outcome> {
  await prepareOrganisation(target);
  const ws = await phpWorkspace(target);
  try {
    const base = (await ws.sync.pull()).snapshot;
    const actions = crmActions(base);
    // One grant on each CRM role, and a new role: several calls, at least one that creates.
    const ops = crmRoles(base).flatMap((r) => {
      const grant = actions.find((a) => !r.permissionIds.includes(a));
      return grant ? [{ type: 'grantPermissions' as const, roleIds: [r.id], permissionIds: [grant] }] : [];
    });
    ops.push({ type: 'createRole', roleId: 'new-role:kill', name: 'Gatehouse 续传', groupId: '2', dataScope: 1, permissionIds: actions.slice(0, 1) } as never);
    const plan = await ws.sync.plan({ draftId: 'php:kill', base, ops });
    if (plan.status !== 'ready' || plan.steps.length < 4) return { plan: `${plan.status} (${plan.steps.length} steps)`, push: '—', verify: '—', check: 'too few calls to kill halfway' };
    const journal = new WorkspaceJournal(ws.data).create({
      draftId: 'php:kill',
      plan: { plannedOnVersion: plan.plannedOnVersion, ops: plan.ops },
      calls: plan.steps.map((s) => ({ endpoint: s.endpoint, request: s.step })),
    });
    await ws.sync.disconnect();
    ws.service.lockAll(); // the child opens the encrypted file itself
    target.emulator?.control.clearCalls();

    const child = spawn('npx', ['tsx', 'tests/integration/connector-php/pushChild.ts'], {
      env: { ...process.env, GATEHOUSE_WS_DIR: ws.dir, GATEHOUSE_WS_ID: ws.id, GATEHOUSE_PUSH_ID: journal.id },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // its own process group: npx → tsx → node all get the SIGKILL
    });
    let output = '';
    let settled = 0;
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      const lines = output.split('\n').filter((l) => l.startsWith('{"seq"'));
      if (lines.length >= 2 && settled < 2) {
        settled = lines.length;
        process.kill(-child.pid!, 'SIGKILL');
      }
    });
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => child.on('exit', (code, signal) => resolve(signal ?? code)));
    if (exit !== 'SIGKILL') return { plan: 'ready', push: `child ended ${String(exit)}`, verify: '—', check: output.slice(-200) };

    const reopened = await reopenPhpWorkspace(ws.dir, ws.id);
    const before = reopened.data.getPush(journal.id).calls.map((c) => c.status);
    const sync = phpSync(reopened.data);
    const resumed = await sync.resume(journal.id);
    if (resumed.failure) return { plan: 'ready', push: `resume stopped: ${resumed.failure.code}`, verify: '—', check: '' };
    const verify = await sync.verify({ pushId: journal.id, plannedOn: plan.plannedOn, projection: plan.projection });
    await sync.disconnect();
    reopened.service.lockAll();
    const left = before.filter((s) => s !== 'done').length;
    let once = 'each call once';
    if (target.emulator) {
      // Counted on the emulator: the writes that reached it across both processes, one per planned call.
      const writes = target.emulator.control.calls().filter((c) => !/\/(index|read|typeList|login|logout|getUserList)$/.test(c.path));
      const twice = writes.length - plan.steps.length;
      if (twice > 0) once = `${twice} call(s) more than planned (${writes.map((w) => w.path.replace('/admin/', '')).join(', ')})`;
    }
    return { plan: 'ready', push: `killed, resumed (${left > 0 ? 'calls left' : 'none left'})`, verify: verify.ok ? 'ok' : `${verify.mismatches.length} mismatches`, check: once };
  } finally {
    ws.dispose();
  }
}
