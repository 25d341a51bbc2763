import { useMemo } from 'react';
import type { ChannelOutput } from '../../../src-main/common/ipc';
import { useServerQuery } from '../../api/serverCache';
import { useAppErrorText } from '../../components/errors/useErrorText';

export type DraftChanges = ChannelOutput<'drafts.changes'>;
export type LintFinding = ChannelOutput<'lints.run'>['findings'][number];

export interface DraftReview {
  changes: DraftChanges | null;
  /** Findings for the draft's projected state, each marked when the base does not have it. */
  findings: Array<LintFinding & { isNew: boolean }>;
  error: string | null;
  loading: boolean;
}

const findingKey = (f: LintFinding) => `${f.ruleId}\u0000${f.message.en}`;

/**
 * A draft's changes and lints from the main process, asked again when the draft changes. The base's lints
 * depend on the base only, so the cache asks for them once, not after every gesture.
 */
export function useDraftReview(draftId: string | null): DraftReview {
  const changes = useServerQuery('drafts.changes', draftId === null ? null : { draftId });
  const lints = useServerQuery('lints.run', draftId === null ? null : { draftId });
  const baseLints = useServerQuery('lints.run', draftId === null ? null : { draftId: null });
  const words = useAppErrorText();
  const shownChanges = changes.shown;
  const shownLints = lints.shown;
  const shownBase = baseLints.shown;
  const findings = useMemo(() => {
    if (!shownLints || !shownBase) return [];
    const known = new Set(shownBase.findings.map(findingKey));
    return shownLints.findings.map((f) => ({ ...f, isNew: !known.has(findingKey(f)) }));
  }, [shownLints, shownBase]);
  const error = changes.error ?? lints.error ?? baseLints.error;
  if (error) return { changes: null, findings: [], error: words(error), loading: false };
  const ready = shownChanges !== null && shownLints !== null && shownBase !== null;
  return {
    changes: ready ? shownChanges : null,
    findings: ready ? findings : [],
    error: null,
    loading: changes.loading || lints.loading || baseLints.loading,
  };
}
