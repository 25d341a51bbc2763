import type { Snapshot } from '../common/domain';
import type { DraftOperation } from '../common/draft';
import type { PushJournalPort } from './pushJournal';
import type { PushPlan } from './wukong/plan/planPush';
import type { PullProgress, PullResult } from './wukong/pull/pullSnapshot';
import type { PushReport } from './wukong/push/runPush';
import type { VerifyReport } from './wukong/verify/verifyPush';

/**
 * What a CRM can store, so the editor offers only that (ARCHITECTURE §1). WukongCRM 11: one data scope per
 * role (`dataType`, reference §4.1, §7.1), field rules can be changed but not deleted (§6), people are
 * enabled or disabled but never created by a push.
 */
export interface ConnectorCapabilities {
  /** Whether a data scope can differ per permission (Dynamics) rather than per role (WukongCRM). */
  scopePerPermission: boolean;
  /** Whether a field rule can be deleted (WukongCRM: rows are only updated). */
  fieldRuleRemoval: boolean;
  /** Whether a person can be set back to "not yet activated". */
  inactiveStatusSettable: boolean;
  /** Whether the server returns ids of what it creates (WukongCRM: no, re-read, §9). */
  returnsCreatedIds: boolean;
  /** Whether writes carry a version that detects concurrent edits (WukongCRM: none, §9). */
  optimisticConcurrency: boolean;
}

export type { PullProgress, PullResult, PushPlan, PushReport, VerifyReport };

/**
 * The port between Gatehouse's use cases and one CRM server. Plain data in and out; the session (and its
 * credentials) stays inside the connector.
 */
export interface CrmConnector {
  readonly kind: string;
  readonly capabilities: ConnectorCapabilities;
  /** Log in (or fail with LOGIN_FAILED / ACCOUNT_LOCKED / ACCOUNT_DISABLED). */
  connect(signal?: AbortSignal): Promise<void>;
  /** The whole permission state, validated; throws and returns nothing on any failure or cancellation. */
  pull(options?: { signal?: AbortSignal; onProgress?: (progress: PullProgress) => void }): Promise<PullResult>;
  /** The exact calls for a draft already rebased onto `server` (pure; nothing is sent). */
  plan(server: Snapshot, ops: readonly DraftOperation[]): PushPlan;
  /** Run or resume a journaled push. */
  push(options: { journal: PushJournalPort; pushId: string; signal?: AbortSignal; onCall?: (event: { seq: number; total: number; status: 'done' | 'failed' }) => void }): Promise<PushReport>;
  /** Compare the server, pulled again, with the draft's projection. */
  verify(args: { plannedOn: Snapshot; projection: Snapshot; pulled: Snapshot; ids: Readonly<Record<string, string>> }): VerifyReport;
  disconnect(): Promise<void>;
}
