import { CRM_EDITION_INFO, type CrmEdition } from '../../common/crm';
import type { Snapshot } from '../../common/domain';
import type { DraftOperation } from '../../common/draft';
import type { ConnectorCapabilities, CrmConnector, PullProgress, PullResult, PushPlan, PushReport, VerifyReport } from '../connector';
import type { PushJournalPort } from '../pushJournal';
import { planPush } from './plan/planPush';
import { pullSnapshot } from './pull/pullSnapshot';
import { runPush, type RetryPolicy } from './push/runPush';
import { WukongPhpSession, type SessionOptions, type WukongPhpCredentials } from './session';
import { verifyPush } from './verify/verifyPush';

/** The profile's `connector` value for WukongCRM 11.0, PHP edition (ThinkPHP 5.0, v11.0.3). */
export const WUKONG_PHP_KIND = 'wukong-php' satisfies CrmEdition;

/**
 * What WukongCRM 11.0 PHP can store:
 * - the data scope is one `admin_group.type` per role (public/sql/5kcrm.sql), not per permission;
 * - field rules exist (application/admin/logic/FieldGrantLogic.php), read / write only — no masks (refused per cell);
 * - a field rule can be removed: the entry leaves the role's list, and a field a role's list does not name is fully
 *   open (application/common.php getFieldGrantStatus). Built-in fields, which the CRM always lists, are refused per
 *   cell (FIELD_RULE_REMOVAL); custom fields' entries can go;
 * - "not yet activated" can be set back: users/enables stores status 2 (application/admin/controller/Users.php
 *   enables, OBSERVED §6.5);
 * - no write returns the id it created (groups/save `{"data":1}`, structures/save `添加成功`): ids are found by
 *   re-reading;
 * - no write carries a version: concurrent edits are not detected (each write re-reads right before it).
 */
export const WUKONG_PHP_CAPABILITIES: ConnectorCapabilities = CRM_EDITION_INFO[WUKONG_PHP_KIND].capabilities;

export interface WukongPhpConnectorOptions extends SessionOptions {
  /** Read field grants during a pull (default true; see PullOptions.fieldRules). */
  fieldRules?: boolean;
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
}

/** The WukongCRM 11.0 PHP connector: session, pull, plan, journaled push, verify. */
export class WukongPhpConnector implements CrmConnector {
  readonly kind = WUKONG_PHP_KIND;
  readonly capabilities = WUKONG_PHP_CAPABILITIES;
  readonly session: WukongPhpSession;

  constructor(
    credentials: WukongPhpCredentials,
    private readonly options: WukongPhpConnectorOptions = {},
  ) {
    this.session = new WukongPhpSession(credentials, options);
  }

  connect(signal?: AbortSignal): Promise<void> {
    return this.session.login(signal);
  }

  pull(options: { signal?: AbortSignal; onProgress?: (progress: PullProgress) => void } = {}): Promise<PullResult> {
    return pullSnapshot(this.session, { fieldRules: this.options.fieldRules, concurrency: this.options.concurrency, ...options });
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
