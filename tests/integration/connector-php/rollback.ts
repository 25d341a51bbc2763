/**
 * Push, then roll back, through the workflow the console drives (drafts, plan, push gate, verify): the inverse
 * draft is planned and pushed like any other and the server must hold the pre-push state of every cell the
 * first push changed.
 */
import { DraftService, storeDraftRepository } from '../../../src-main/services/drafts';
import { EventBus } from '../../../src-main/services/eventBus';
import { createConnector, SyncWorkflow } from '../../../src-main/services/sync';
import { crmRoles, phpWorkspace, type Outcome } from './scenarios';
import { prepareOrganisation, type PhpTarget } from './target';

export async function runRollback(target: PhpTarget): Promise<Outcome> {
  await prepareOrganisation(target);
  const ws = await phpWorkspace(target);
  const events = new EventBus();
  const drafts = new DraftService(storeDraftRepository(ws.data), () => ws.data.loadSnapshot().snapshot, events);
  const workflow = new SyncWorkflow({ data: ws.data, drafts: () => drafts, events, createConnector: (p) => createConnector(p, { retry: { baseDelayMs: 20, settleMs: 200 } }) });
  try {
    await workflow.pull();
    const base = ws.data.loadSnapshot().snapshot;
    const role = crmRoles(base)[0]!;
    const draft = drafts.create('Scope and name');
    drafts.apply(draft.id, {
      id: 'g',
      ops: [
        { type: 'setDataScope', roleId: role.id, dataScope: role.dataScope === 5 ? 2 : 5 },
        { type: 'renameRole', roleId: role.id, name: `${role.name}·回滚测试` },
      ],
    });
    const pushed = await pushDraft(workflow, draft.id);
    if (pushed !== 'ok') return { plan: 'ready', push: pushed, verify: '—', check: 'first push' };
    const pushId = ws.data.listPushes()[0]!.id;
    const rollback = workflow.rollback(pushId);
    const undone = await pushDraft(workflow, rollback.draft.id);
    if (undone !== 'ok') return { plan: 'ready', push: 'done', verify: undone, check: 'rollback push' };
    await workflow.pull();
    const now = ws.data.loadSnapshot().snapshot.roles.find((r) => r.id === role.id)!;
    return { plan: 'ready', push: 'done, rolled back', verify: 'ok', check: now.dataScope === role.dataScope && now.name === role.name ? 'back as before' : 'not as before' };
  } finally {
    workflow.dispose();
    await ws.sync.disconnect();
    ws.dispose();
  }
}

async function pushDraft(workflow: SyncWorkflow, draftId: string): Promise<string> {
  const plan = await workflow.plan(draftId);
  if (plan.status !== 'ready') return `plan ${plan.status}`;
  const report = await workflow.push(plan.planId);
  if (report.failure) return `stopped: ${report.failure.code}`;
  const verify = await workflow.verify(report.pushId);
  return verify.ok ? 'ok' : 'verify failed';
}
