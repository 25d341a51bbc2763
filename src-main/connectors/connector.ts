import type { Id, LocalizedText, Snapshot } from '../common/domain';
import type { CellChange, DraftOperation } from '../common/draft';
import type { PushJournalPort } from './pushJournal';
import type { ConnectorCapabilities } from '../common/crm';
import type { ConnectorErrorCode } from './connectorError';

/**
 * The port between Gatehouse's use cases and one CRM server (ARCHITECTURE §1). It owns every type that
 * crosses it, so the services and the editor depend on no particular CRM: each connector (WukongCRM 11 Java in
 * `./wukong`, and the PHP edition beside it) implements this and keeps its calls, steps and quirks inside.
 */

/** What a CRM edition can store, so the editor offers only that (one table for every edition: common/crm). */
export type { ConnectorCapabilities } from '../common/crm';

// ── Pull ────────────────────────────────────────────────────────────────────────────────────────────────

export interface PullProgress {
  /** The part being read, in the connector's words ('departments', 'users', 'roles', …). */
  step: string;
  done: number;
  total: number;
}

/** `bundled`: the server's catalogue is exactly the one shipped with the app; `server`: built from the server's trees. */
export type CatalogueSource = 'bundled' | 'server';

export interface PullResult {
  snapshot: Snapshot;
  catalogueSource: CatalogueSource;
  /** What the server holds that the snapshot could not (dropped values). */
  notes: string[];
}

// ── Plan ────────────────────────────────────────────────────────────────────────────────────────────────

/** Why the server cannot store part of a draft; the plan is refused as a whole and nothing is sent. */
export type RefusalCode =
  /** The draft breaks a rule the server would reject (the draft rules report it). */
  | 'RULES'
  /** A field rule cannot be deleted, only changed. */
  | 'FIELD_RULE_REMOVAL'
  /** A grant the server would store but never report back, so it could not be verified. */
  | 'UNREPORTED_GRANT'
  /** Renames that cannot be ordered without a momentary duplicate name. */
  | 'NAME_ORDER'
  /** Something this edition of the CRM cannot store at all (see the connector's capabilities). */
  | 'NOT_STORABLE';

export interface PlanRefusal {
  code: RefusalCode;
  reason: LocalizedText;
  /** The cell concerned (`cellKey`), when there is one. */
  cellKey?: string;
}

/** When a pushed change takes effect for the people it concerns. */
export type PropagationDelay = 'immediate' | 'cacheExpiry' | 'nextLogin';

export interface PropagationNote {
  delay: PropagationDelay;
  /** Upper bound in seconds for `cacheExpiry`. */
  maxDelaySeconds?: number;
  message: LocalizedText;
  /** The people affected. */
  userIds: Id[];
}

/** One call of a plan. `Step` is the connector's own description of it: stored in the journal as JSON. */
export interface PlannedStep<Step = unknown> {
  /** 1-based position, as the journal numbers calls. */
  seq: number;
  endpoint: string;
  step: Step;
  /** What the step does, for the list shown before sending. */
  summary: LocalizedText;
}

export interface PushPlan<Step = unknown> {
  /** Empty when anything was refused: a plan is sent whole or not at all. */
  steps: PlannedStep<Step>[];
  refusals: PlanRefusal[];
  /** The server state the draft wants: the server snapshot the plan was made on, with the draft applied. */
  projection: Snapshot;
  /** Every cell the push changes (server → projection). */
  changes: CellChange[];
  /** Shown before sending: which changes take effect only later. */
  propagation: PropagationNote[];
}

// ── Push and verify ─────────────────────────────────────────────────────────────────────────────────────

export interface PushFailure {
  seq: number;
  endpoint: string;
  code: ConnectorErrorCode;
  message: string;
  serverCode?: number;
  serverMessage?: string;
  /** True when the push can be resumed (a transient failure or a cancellation); false after a business error. */
  resumable: boolean;
}

export interface PushReport {
  pushId: string;
  total: number;
  done: number;
  /** Steps that went out to the server in this run. */
  sent: number;
  /** Steps the server already held (found by re-reading), so nothing was sent. */
  alreadyDone: number;
  /** `sent` calls of an interrupted run that were found applied on resume, not sent again. */
  confirmedOnResume: number;
  /** Draft id → server id for everything the push created. */
  ids: Record<string, string>;
  failure?: PushFailure;
}

export interface VerifyReport {
  /** True when every cell the push meant to change holds the draft's value on the server. */
  ok: boolean;
  /** Cells the push changed whose server value differs from the draft's projection (`before` = wanted, `after` = found). */
  mismatches: CellChange[];
  /** Cells the push did not touch that differ now: someone else's changes since the plan (kept, never undone). */
  changedElsewhere: CellChange[];
  /** When the pushed changes take effect, and for whom. */
  propagation: PropagationNote[];
}

// ── The connector ───────────────────────────────────────────────────────────────────────────────────────

/** Plain data in and out; the session (and its credentials) stays inside the connector. */
export interface CrmConnector {
  /** The edition, as stored in the connection profile (`wukong`, `wukong-php`). */
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
