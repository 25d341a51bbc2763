import type { PushReport } from '../../connector';
import { ConnectorError, isConnectorError, type ConnectorErrorCode } from '../../connectorError';
import type { JournalCall, PushJournalPort } from '../../pushJournal';
import { phpStepSchema, stepResultSchema, type PhpPushStep, type StepResult } from '../plan/steps';
import type { WukongPhpSession } from '../session';
import { executeStep } from './executors';
import { IdResolver, type StepContext } from './stepContext';

export interface RetryPolicy {
  /** Sends per call, the first included (default 4). */
  attempts: number;
  /** First back-off; doubled each time (default 250 ms). */
  baseDelayMs: number;
  /**
   * After a non-idempotent call went unanswered (timeout, dropped connection), how long to keep re-reading for its
   * effect before giving up resumably instead of sending it again (default 8 s): a blind resend of groups/save or
   * structures/save makes a twin (neither checks for duplicates).
   */
  settleMs: number;
}

/** Steps that must never be sent twice: a second groups/save or structures/save creates a second row. */
const NON_IDEMPOTENT: ReadonlySet<PhpPushStep['kind']> = new Set(['createDepartment', 'createRole']);

export interface RunPushOptions {
  session: WukongPhpSession;
  journal: PushJournalPort;
  pushId: string;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  /** After each call is settled (for progress events). */
  onCall?: (event: { seq: number; total: number; status: 'done' | 'failed'; alreadyDone: boolean }) => void;
}

/**
 * Business outcomes: sending again would fail the same way, so the call is marked failed and the push stops.
 * ACCOUNT_DISABLED (103) and SESSION_LOST are not among them: ApiCommon answers them before the action runs, so the
 * push can resume once the account may log in again.
 */
const FINAL: ReadonlySet<ConnectorErrorCode> = new Set(['BUSINESS_ERROR', 'VALIDATION_ERROR', 'NO_PERMISSION', 'WRITE_NOT_APPLIED', 'ID_NOT_FOUND', 'SERVER_REJECTED']);

/**
 * The server's handler ran and threw: HTTP 500 with ThinkPHP's exception page, whose message we read
 * (app_debug, config/config.php). Not the network, not a proxy.
 */
const answeredError = (e: ConnectorError) => e.code === 'SERVER_ERROR' && e.details.httpStatus === 500 && e.details.serverMessage !== undefined;
const signature = (e: ConnectorError) => e.details.serverMessage ?? '';

/**
 * Run (or resume) a journaled push: finished calls are skipped (their learned ids restored), a call left `sent` is
 * first checked against the server, the rest go out in order. Timeouts, dropped connections and HTTP 5xx are
 * retried with exponential back-off, each time after checking whether the lost call landed after all (an HTTP 500
 * may come after the row was written, OBSERVED §10); the first business error stops the push with the server's
 * code and message.
 */
export async function runPush(options: RunPushOptions): Promise<PushReport> {
  const { journal, pushId } = options;
  const retry: RetryPolicy = { attempts: 4, baseDelayMs: 250, settleMs: 8_000, ...options.retry };
  const record = journal.get(pushId);
  const ids = new IdResolver();
  const ctx: StepContext = { session: options.session, ids, signal: options.signal };
  const report: PushReport = { pushId, total: record.calls.length, done: 0, sent: 0, alreadyDone: 0, confirmedOnResume: 0, ids: {} };

  for (const call of record.calls) {
    const step = parseStep(pushId, call);
    if (call.status === 'done') {
      learn(ids, step, stepResultSchema.safeParse(call.response).data ?? {});
      report.done++;
      continue;
    }
    if (call.status === 'failed') {
      report.failure = { seq: call.seq, endpoint: call.endpoint, code: 'PUSH_STOPPED', message: `call ${call.seq} failed earlier: ${call.error ?? ''}`, resumable: false };
      break;
    }
    try {
      const result = await settle(call, step, ctx, options, retry, report);
      learn(ids, step, result);
      journal.markDone(pushId, call.seq, result);
      report.done++;
      options.onCall?.({ seq: call.seq, total: report.total, status: 'done', alreadyDone: result.alreadyDone === true });
    } catch (error) {
      const e = isConnectorError(error) ? error : new ConnectorError('PUSH_STOPPED', (error as Error).message, {}, { cause: error });
      const resumable = !FINAL.has(e.code);
      if (!resumable) journal.markFailed(pushId, call.seq, `${e.code}: ${e.message}`);
      report.failure = {
        seq: call.seq,
        endpoint: call.endpoint,
        code: e.code,
        message: e.message,
        ...(e.details.serverCode === undefined ? {} : { serverCode: e.details.serverCode, serverMessage: e.details.serverMessage }),
        resumable,
      };
      options.onCall?.({ seq: call.seq, total: report.total, status: 'failed', alreadyDone: false });
      break;
    }
  }
  report.ids = Object.fromEntries(ids.entries());
  return report;
}

async function settle(call: JournalCall, step: PhpPushStep, ctx: StepContext, options: RunPushOptions, retry: RetryPolicy, report: PushReport): Promise<StepResult> {
  if (call.status === 'sent') {
    // Interrupted after sending: the server may or may not hold it. Never repeat blindly.
    const found = await executeStep(step, ctx, 'probe');
    if (found) {
      report.confirmedOnResume++;
      return { ...found, confirmedOnResume: true };
    }
  } else {
    options.journal.markSent(options.pushId, call.seq);
  }
  const answered = new Set<string>();
  let answeredCount = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      const result = await executeStep(step, ctx, 'send');
      if (result.alreadyDone) report.alreadyDone++;
      else report.sent++;
      return result;
    } catch (error) {
      if (isConnectorError(error) && answeredError(error)) {
        answered.add(signature(error));
        answeredCount++;
      }
      if (isConnectorError(error) && error.retryable && attempt >= retry.attempts && answeredCount === attempt && answered.size === 1) {
        // Every attempt reached the handler and it threw the same way: a request it will never take.
        throw new ConnectorError(
          'SERVER_REJECTED',
          `${call.endpoint} failed the same way on all ${attempt} attempts (${error.details.serverMessage ?? ''}); sending it again will not help`,
          { ...error.details, endpoint: call.endpoint },
          { cause: error },
        );
      }
      if (!isConnectorError(error) || !error.retryable || attempt >= retry.attempts) throw error;
      await sleep(retry.baseDelayMs * 2 ** (attempt - 1), options.signal);
      const probe = () =>
        executeStep(step, ctx, 'probe').catch((e: unknown) => {
          if (isConnectorError(e) && e.retryable) return null;
          throw e;
        });
      let found = await probe();
      const unanswered = error.code === 'TIMEOUT' || error.code === 'NETWORK';
      if (!found && unanswered && NON_IDEMPOTENT.has(step.kind)) {
        // No answer is no proof the call did not land: keep re-reading for a while, then stop resumably.
        for (const share of [0.25, 0.25, 0.5]) {
          await sleep(retry.settleMs * share, options.signal);
          found = await probe();
          if (found) break;
        }
        if (!found) {
          throw new ConnectorError('TIMEOUT', `${call.endpoint} got no answer and its effect has not appeared; resume later to check again before anything is re-sent`, {
            endpoint: call.endpoint,
          });
        }
      }
      if (found) {
        report.sent++; // the lost answer's call had landed
        return found;
      }
    }
  }
}

function parseStep(pushId: string, call: JournalCall): PhpPushStep {
  const parsed = phpStepSchema.safeParse(call.request);
  if (!parsed.success) throw new ConnectorError('PUSH_STOPPED', `push ${pushId}: call ${call.seq} in the journal is not a step this version understands`);
  return parsed.data;
}

function learn(ids: IdResolver, step: PhpPushStep, result: StepResult): void {
  if (result.serverId && (step.kind === 'createRole' || step.kind === 'createDepartment')) ids.learn(step.ref, result.serverId);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new ConnectorError('CANCELLED', 'the push was cancelled'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new ConnectorError('CANCELLED', 'the push was cancelled'));
      },
      { once: true },
    );
  });
}
