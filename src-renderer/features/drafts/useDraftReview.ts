import { useEffect, useState } from 'react';
import type { ChannelOutput } from '../../../src-main/common/ipc/contract';
import { api, ApiError } from '../../api/client';
import { useDraftStore } from '../../stores/draftStore';

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

/** A draft's changes, impact and lints from the main process, refetched whenever any draft changes. */
export function useDraftReview(draftId: string | null): DraftReview {
  const revision = useDraftStore((s) => s.revision);
  const [state, setState] = useState<DraftReview>({ changes: null, findings: [], error: null, loading: false });
  useEffect(() => {
    if (draftId === null) {
      setState({ changes: null, findings: [], error: null, loading: false });
      return;
    }
    let cancelled = false;
    setState((s) => ({ ...s, loading: true }));
    void (async () => {
      try {
        const [changes, lints, baseLints] = await Promise.all([
          api().call('drafts.changes', { draftId }),
          api().call('lints.run', { draftId }),
          api().call('lints.run', { draftId: null }),
        ]);
        const known = new Set(baseLints.findings.map(findingKey));
        if (!cancelled) setState({ changes, findings: lints.findings.map((f) => ({ ...f, isNew: !known.has(findingKey(f)) })), error: null, loading: false });
      } catch (error) {
        if (!cancelled) setState({ changes: null, findings: [], error: error instanceof ApiError ? error.message : String(error), loading: false });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [draftId, revision]);
  return state;
}
