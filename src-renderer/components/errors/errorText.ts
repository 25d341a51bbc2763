import { missingCaseError } from '../../../src-main/common/draft';
import { connectorErrorCodeSchema, type AppErrorData, type ConnectorErrorCode, type ErrorDetails } from '../../../src-main/common/ipc';
import { ApiError } from '../../api/client';
import type { FeatureT } from '../../i18n/featureMessages';
import { formatMessage } from '../../i18n/format';
import type { Locale } from '../../i18n/locale';
import { errorMessages, type ErrorMessageKey } from './messages';

/** A failed call in the reader's words: one sentence, and the items it is about (problems, fields, checks). */
export interface ErrorWords {
  summary: string;
  lines: string[];
}

const NONE = '—';

/**
 * Codes whose sentence says only that the server refused or failed: the server's own message says what. The others
 * (a wrong password, a lost session…) already say it all, and the server's Chinese would only repeat them.
 */
const SERVER_MESSAGE_HELPS: ReadonlySet<ConnectorErrorCode> = new Set<ConnectorErrorCode>(['SERVER_ERROR', 'SERVER_REJECTED', 'HTTP_ERROR', 'NO_PERMISSION', 'VALIDATION_ERROR', 'BUSINESS_ERROR', 'WRITE_NOT_APPLIED']);

/**
 * Words are chosen by the error's code and its structured details, never by reading the main process's English
 * message: that message is shown only where Gatehouse has nothing better (an error without details), and in
 * Chinese only under a Chinese sentence chosen by the code.
 */
export function describeError(error: unknown, locale: Locale): ErrorWords {
  if (error instanceof ApiError) return describeAppError(error.error, locale);
  return { summary: error instanceof Error ? error.message : String(error), lines: [] };
}

/** The same for the error as it came over the wire (what a store keeps). */
export function describeAppError(data: AppErrorData, locale: Locale): ErrorWords {
  const t = tOf(locale);
  if (data.details) return describeDetails(data.details, t, locale);
  if (data.code === 'CANCELLED') return { summary: t('code.CANCELLED'), lines: [] };
  // The main process's own sentence is English: Chinese readers get the code's sentence first.
  return locale === 'en' ? { summary: data.message, lines: [] } : { summary: t(`code.${data.code}`), lines: [t('original', { message: data.message })] };
}

/** The same as one line of text (a status line, a tooltip). */
export function errorText(error: unknown, locale: Locale): string {
  return oneLine(describeError(error, locale));
}

/** One line for the error as it came over the wire. */
export function appErrorText(data: AppErrorData, locale: Locale): string {
  return oneLine(describeAppError(data, locale));
}

const oneLine = ({ summary, lines }: ErrorWords) => [summary, ...lines].join(' ');

/** A push call that failed, as a push report names it: the connector's code, the endpoint, the server's code. */
export interface PushFailure {
  code: string;
  message: string;
  endpoint: string;
  serverCode?: number;
}

/**
 * A push report's failure in the reader's words, by its connector code. Where that sentence says only that the
 * server refused, the main process's own sentence follows, marked as Gatehouse's (it may quote the server); a code
 * this console does not know keeps that sentence alone.
 */
export function pushFailureText(failure: PushFailure, locale: Locale): string {
  const code = connectorErrorCodeSchema.safeParse(failure.code);
  if (!code.success) return failure.serverCode === undefined ? failure.message : `${failure.message} (${failure.serverCode})`;
  const words = describeDetails({ kind: 'connector', code: code.data, endpoint: failure.endpoint, ...(failure.serverCode === undefined ? {} : { serverCode: failure.serverCode }) }, tOf(locale), locale);
  const original = SERVER_MESSAGE_HELPS.has(code.data) ? [formatMessage(errorMessages[locale].original, { message: failure.message })] : [];
  return oneLine({ summary: words.summary, lines: [...words.lines, ...original] });
}

const tOf = (locale: Locale): FeatureT<ErrorMessageKey> => (key, params) => formatMessage(errorMessages[locale][key], params);

function describeDetails(details: ErrorDetails, t: FeatureT<ErrorMessageKey>, locale: Locale): ErrorWords {
  switch (details.kind) {
    case 'draftProblems':
      return {
        summary: t('draft.refused'),
        lines: details.problems.map((p) => {
          const problem = p.wukongCode === null ? t('draft.problem', { message: p.message[locale] }) : t('draft.problemWukong', { message: p.message[locale], code: p.wukongCode });
          return p.gesture ? t('draft.gesture', { n: p.gesture.number, gesture: p.gesture.text[locale], problem }) : problem;
        }),
      };
    case 'draftPushed':
      return { summary: t(`pushed.${details.verb}`, { at: details.pushedAt }), lines: [] };
    case 'connector': {
      const summary = t(`connector.${details.code}`, {
        serverCode: details.serverCode ?? NONE,
        endpoint: details.endpoint ?? NONE,
        field: details.field ?? NONE,
        httpStatus: details.httpStatus ?? NONE,
      });
      // The server's own message is in the server's language (WukongCRM answers in Chinese); shown as it came.
      const said = details.serverMessage && SERVER_MESSAGE_HELPS.has(details.code) ? [t('connector.serverSaid', { message: details.serverMessage })] : [];
      return { summary, lines: said };
    }
    case 'store':
      return { summary: t(`store.${details.code}`, { fileVersion: details.fileVersion ?? NONE, supportedVersion: details.supportedVersion ?? NONE }), lines: [] };
    case 'fields':
      return { summary: t('fields.title'), lines: details.issues.map((i) => t('fields.issue', { path: i.path, message: i.message })) };
    case 'gate':
      if (details.need === 'override') return { summary: t('gate.override', { n: details.blocking?.length ?? NONE }), lines: (details.blocking ?? []).map((b) => b.message[locale]) };
      if (details.need === 'longerReason') return { summary: t('gate.longerReason', { n: details.minReasonLength ?? NONE }), lines: [] };
      return { summary: t('gate.typedName', { name: details.draftName ?? NONE }), lines: [] };
    case 'unresolvedConflicts':
      return { summary: t('conflicts.unresolved', { n: details.conflictIds.length }), lines: [] };
    case 'planRefusals':
      return { summary: t('plan.refused'), lines: details.refusals.map((r) => r.reason[locale]) };
    default:
      throw missingCaseError(details);
  }
}
