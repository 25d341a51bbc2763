import { useEffect, useRef, useState } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { useDraftStore } from '../../stores/draftStore';
import { ChangeList } from './ChangeList';
import { DraftHeader } from './DraftHeader';
import { DraftList } from './DraftList';
import './drafts.css';
import { ImpactSummary } from './ImpactSummary';
import { LintList } from './LintList';
import { draftsMessages } from './messages';
import { PolicyFileActions } from './PolicyFileActions';
import { PrintableReport } from './PrintableReport';
import { ReportActions } from './ReportActions';
import { useDraftReview } from './useDraftReview';

/**
 * The drafts of the workspace and the review of one: its changes in plain language (each revertible), the
 * impact if it were pushed, the engine's checks, policy files and reports. Selecting a draft here does not change
 * what the other views show; "Show in all views" does.
 */
export function DraftsView() {
  const t = useFeatureT(draftsMessages);
  const drafts = useDraftStore((s) => s.drafts);
  const activeId = useDraftStore((s) => s.activeDraftId);
  const reviewId = useDraftStore((s) => s.reviewDraftId);
  const reviewed = useDraftStore((s) => s.reviewed);
  // A rollback draft just made opens here for review; otherwise the draft the views show.
  const [selectedId, setSelectedId] = useState<string | null>(reviewId ?? activeId);
  const [printing, setPrinting] = useState(false);
  const selected = drafts.find((d) => d.id === selectedId) ?? null;
  const review = useDraftReview(selected?.id ?? null);
  const load = useDraftStore((s) => s.load);

  useEffect(() => void load(), [load]);
  useEffect(() => {
    if (reviewId === null) return;
    setSelectedId(reviewId);
    reviewed();
  }, [reviewId, reviewed]);

  // Start on the draft the views show; drop a selection whose draft was discarded.
  useEffect(() => {
    if (selectedId === null && activeId !== null) setSelectedId(activeId);
  }, [activeId, selectedId]);
  // Drop the selection only when a draft this view has seen disappears (discarded): a list answer that left
  // before the draft was created must not undo the selection of the draft just made.
  const seen = useRef(new Set<string>());
  useEffect(() => {
    for (const d of drafts) seen.current.add(d.id);
    if (selectedId !== null && seen.current.has(selectedId) && !drafts.some((d) => d.id === selectedId)) setSelectedId(null);
  }, [drafts, selectedId]);

  if (printing) return <PrintableReport draftId={selected?.id ?? null} what={selected?.name ?? t('reportsBase')} onClose={() => setPrinting(false)} />;

  return (
    <section className="view drafts-view" aria-labelledby="drafts-title">
      <h1 id="drafts-title">{t('title')}</h1>
      <p className="muted">{t('hint')}</p>
      <div className="drafts-layout">
        <DraftList selectedId={selected?.id ?? null} onSelect={setSelectedId} />
        <div className="pane drafts-detail" aria-labelledby={selected ? 'draft-heading' : undefined} aria-busy={review.loading}>
          {selected ? (
            <>
              <DraftHeader draft={selected} onSelect={setSelectedId} />
              {review.error && (
                <p role="alert" className="form-error">
                  {t('failed', { message: review.error })}
                </p>
              )}
              {review.changes && (
                <div className="draft-review">
                  <ChangeList draftId={selected.id} changes={review.changes} readOnly={selected.readOnly} />
                  <ImpactSummary impact={review.changes.impact} />
                  <LintList findings={review.findings} />
                </div>
              )}
            </>
          ) : (
            <p className="muted">{t('select')}</p>
          )}
          <PolicyFileActions draftId={selected?.id ?? null} draftName={selected?.name ?? null} onImported={setSelectedId} />
          <ReportActions draftId={selected?.id ?? null} draftName={selected?.name ?? null} onPrint={() => setPrinting(true)} />
        </div>
      </div>
    </section>
  );
}
