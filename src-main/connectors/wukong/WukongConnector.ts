import type { Snapshot } from '../../common/domain';
import type { DraftOperation } from '../../common/draft';
import { CRM_EDITION_INFO, type CrmEdition } from '../../common/crm';
import type { WukongCatalogue } from '../../common/wukong';
import type { ConnectorCapabilities, CrmConnector, PullProgress, PullResult, PushPlan, PushReport, VerifyReport } from '../connector';
import type { PushJournalPort } from '../pushJournal';
import { planPush } from './plan/planPush';
import { pullSnapshot } from './pull/pullSnapshot';
import { runPush, type RetryPolicy } from './push/runPush';
import { WukongSession, type SessionOptions, type WukongCredentials } from './session';
import { verifyPush } from './verify/verifyPush';

/** The profile's `connector` value for WukongCRM 11, Java edition (the first edition Gatehouse spoke to). */
export const WUKONG_JAVA_KIND = 'wukong-crm-11' satisfies CrmEdition;

export const WUKONG_CAPABILITIES: ConnectorCapabilities = CRM_EDITION_INFO[WUKONG_JAVA_KIND].capabilities;

export interface WukongConnectorOptions extends SessionOptions {
  /** The bundled WukongCRM 11 catalogue (`loadBundledCatalogue()`), used when the server's menus equal it. */
  bundled: WukongCatalogue;
  /** Read field rules during a pull (default true; see PullOptions.fieldRules). */
  fieldRules?: boolean;
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
}

/** The WukongCRM 11 connector: session, pull, plan, journaled push, verify (reference wukong-crm-11-api.md). */
export class WukongConnector implements CrmConnector {
  readonly kind = WUKONG_JAVA_KIND;
  readonly capabilities = WUKONG_CAPABILITIES;
  readonly session: WukongSession;

  constructor(
    credentials: WukongCredentials,
    private readonly options: WukongConnectorOptions,
  ) {
    this.session = new WukongSession(credentials, options);
  }

  connect(signal?: AbortSignal): Promise<void> {
    return this.session.login(signal);
  }

  pull(options: { signal?: AbortSignal; onProgress?: (progress: PullProgress) => void } = {}): Promise<PullResult> {
    return pullSnapshot(this.session, {
      bundled: this.options.bundled,
      fieldRules: this.options.fieldRules,
      concurrency: this.options.concurrency,
      ...options,
    });
  }

  plan(server: Snapshot, ops: readonly DraftOperation[]): PushPlan {
    return planPush(server, ops);
  }

  push(options: { journal: PushJournalPort; pushId: string; signal?: AbortSignal; onCall?: (event: { seq: number; total: number; status: 'done' | 'failed' }) => void }): Promise<PushReport> {
    return runPush({ session: this.session, retry: this.options.retry, ...options });
  }

  verify(args: { plannedOn: Snapshot; projection: Snapshot; pulled: Snapshot; ids: Readonly<Record<string, string>> }): VerifyReport {
    return verifyPush(args);
  }

  disconnect(): Promise<void> {
    return this.session.logout();
  }
}
