import { describeAppError } from '../../components/errors/errorText';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { draftsMessages } from './messages';
import './draftProblemBanner.css';

/**
 * The refusal of the last gesture (nothing was applied) or its warnings (applied, but worth reading), in full and
 * in the reader's language, next to the view that made it: role and field matrices, organisation. The draft bar
 * only has room for a one-line summary.
 */
export function DraftProblemBanner() {
  const problem = useDraftStore((s) => s.lastProblem);
  const warnings = useDraftStore((s) => s.lastWarnings);
  const locale = useLocale();
  const t = useFeatureT(draftsMessages);
  if (problem) {
    const { summary, lines } = describeAppError(problem, locale);
    return (
      <div className="problem-banner" role="alert" data-testid="draft-refusal">
        <strong>{summary}</strong>
        {lines.length > 0 && (
          <ul>
            {lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (warnings.length === 0) return null;
  return (
    <div className="problem-banner warning" role="status">
      <strong>{t('problemWarnings')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w.message[locale]}</li>
        ))}
      </ul>
    </div>
  );
}
