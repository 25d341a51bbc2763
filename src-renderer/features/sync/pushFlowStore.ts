import { create } from 'zustand';
import type { PlanView, PushReportView, VerifyView } from '../../../src-main/common/ipc';
import { api } from '../../api/client';
import { newId } from '../../app/newId';

export interface LogLine {
  seq: number;
  status: 'done' | 'failed';
  at: string;
}

export type FlowStage =
  | { kind: 'idle' }
  | { kind: 'planning' }
  | { kind: 'plan'; plan: PlanView }
  | { kind: 'pushing'; plan: PlanView | null; pushId: string | null; total: number }
  | { kind: 'stopped'; report: PushReportView }
  /** An unfinished push chosen from the history: resume it (if it can be), undo what landed, or abandon it. */
  | { kind: 'recover'; pushId: string; draftId: string; resumable: boolean; done: number; calls: number }
  | { kind: 'verifying'; pushId: string }
  | { kind: 'result'; verify: VerifyView; report: PushReportView | null }
  | { kind: 'error'; error: unknown; retry: FlowStage };

interface PushFlowState {
  stage: FlowStage;
  /** Settled calls of the running push, oldest first, for the progress bar and the live log. */
  log: LogLine[];
  /** Steps of the plan being pushed (to name each call in the log); empty when resuming after a restart. */
  steps: PlanView['steps'];
  taskId: string | null;
  rollback: { draftId: string; name: string; notUndoable: PlanView['changes'] } | null;
  /** The draft the shown push came from (offered for discarding once its changes are on the server). */
  pushedDraftId: string | null;
  plan(draftId: string): Promise<void>;
  resolve(choices: Record<string, 'ours' | 'theirs'>): Promise<void>;
  /** With what the push gate asked for: the override reason and the typed confirmation (empty when not needed). */
  push(answer?: { reason: string; confirmation: string }): Promise<void>;
  resume(pushId: string, draftId?: string): Promise<void>;
  verify(pushId: string, report: PushReportView | null): Promise<void>;
  rollbackPush(pushId: string): Promise<void>;
  recover(push: { id: string; draftId: string; stopped: boolean; done: number; calls: number }): void;
  cancel(): Promise<void>;
  reset(): void;
}

const newTaskId = () => newId('sync');

/**
 * The push flow's state, outside any component so leaving the view and coming back keeps the place:
 * plan (pull again, rebase, conflicts) → review → push with a live log → verify → result → rollback.
 */
export const usePushFlowStore = create<PushFlowState>((set, get) => {
  /** Runs one long call under a fresh task id (for cancel), with the push log following `sync.progressed`. */
  async function run<T>(work: (taskId: string) => Promise<T>, retry: FlowStage): Promise<T | null> {
    const taskId = newTaskId();
    set({ taskId });
    const off = api().on('sync.progressed', (e) => {
      if (e.kind !== 'push') return;
      set((s) => ({
        log: [...s.log.filter((l) => l.seq !== e.seq), { seq: e.seq, status: e.status, at: new Date().toLocaleTimeString() }],
        stage: s.stage.kind === 'pushing' ? { ...s.stage, pushId: e.pushId, total: e.total } : s.stage,
      }));
    });
    try {
      return await work(taskId);
    } catch (error) {
      set({ stage: { kind: 'error', error, retry } });
      return null;
    } finally {
      off();
      set({ taskId: null });
    }
  }

  async function afterPush(report: PushReportView | null) {
    if (!report) return;
    if (report.failure) set({ stage: { kind: 'stopped', report } });
    else await get().verify(report.pushId, report);
  }

  return {
    stage: { kind: 'idle' },
    log: [],
    steps: [],
    taskId: null,
    rollback: null,
    pushedDraftId: null,

    async plan(draftId) {
      set({ stage: { kind: 'planning' }, log: [], rollback: null });
      const plan = await run((taskId) => api().call('sync.plan', { taskId, draftId }), { kind: 'idle' });
      if (plan) set({ stage: { kind: 'plan', plan } });
    },

    async resolve(choices) {
      const stage = get().stage;
      if (stage.kind !== 'plan') return;
      const plan = await run(() => api().call('sync.resolve', { planId: stage.plan.planId, choices }), stage);
      if (plan) set({ stage: { kind: 'plan', plan } });
    },

    async push(answer) {
      const stage = get().stage;
      if (stage.kind !== 'plan') return;
      const gate = stage.plan.gate;
      const gateInput = {
        ...(gate && gate.blocking > 0 && answer ? { override: { reason: answer.reason.trim() } } : {}),
        ...(gate && gate.typedBecause.length > 0 && answer ? { confirmation: answer.confirmation } : {}),
      };
      set({ stage: { kind: 'pushing', plan: stage.plan, pushId: null, total: stage.plan.steps.length }, log: [], steps: stage.plan.steps, pushedDraftId: stage.plan.draftId });
      await afterPush(await run((taskId) => api().call('sync.push', { taskId, planId: stage.plan.planId, ...gateInput }), stage));
    },

    async resume(pushId, draftId) {
      set({ stage: { kind: 'pushing', plan: null, pushId, total: 0 }, log: [], rollback: null, pushedDraftId: draftId ?? null });
      await afterPush(await run((taskId) => api().call('sync.resume', { taskId, pushId }), { kind: 'idle' }));
    },

    async verify(pushId, report) {
      set({ stage: { kind: 'verifying', pushId } });
      const verify = await run((taskId) => api().call('sync.verify', { taskId, pushId }), { kind: 'idle' });
      if (verify) set({ stage: { kind: 'result', verify, report } });
    },

    async rollbackPush(pushId) {
      const made = await run(() => api().call('sync.rollback', { pushId }), get().stage);
      if (made) set({ rollback: { draftId: made.draft.id, name: made.draft.name, notUndoable: made.notUndoable } });
    },

    recover(push) {
      set({ stage: { kind: 'recover', pushId: push.id, draftId: push.draftId, resumable: !push.stopped, done: push.done, calls: push.calls }, log: [], rollback: null });
    },

    async cancel() {
      const taskId = get().taskId;
      if (taskId) await api().call('sync.cancel', { taskId });
    },

    reset() {
      set({ stage: { kind: 'idle' }, log: [], steps: [], rollback: null, pushedDraftId: null });
    },
  };
});
