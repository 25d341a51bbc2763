import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import type { FeatureT } from '../../i18n/featureMessages';
import type { RoleMatrixMessageKey } from './messages';

/**
 * The server-rule refusal of the last gesture (nothing was applied) or its warnings (applied, but worth
 * reading), in full, next to the grid that caused them. The draft bar only has room for a one-line summary.
 */
export function ProblemBanner({ t }: { t: FeatureT<RoleMatrixMessageKey> }) {
  const problem = useDraftStore((s) => s.lastProblem);
  const warnings = useDraftStore((s) => s.lastWarnings);
  const locale = useLocale();
  if (problem) {
    const details = problem.details.map((d) => localizeDetail(d, locale));
    return (
      <div className="problem-banner" role="alert" data-testid="matrix-refusal">
        <div>
          <strong>{t('problem.title')}</strong>: {details[0] ?? problem.message}
          {details.length > 1 && (
            <ul>
              {details.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    );
  }
  if (warnings.length === 0) return null;
  return (
    <div className="problem-banner warning" role="status">
      <div>
        <strong>{t('problem.warnings')}</strong>
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>{w.message[locale]}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Refusal details arrive as `CODE: english / 中文` (DraftService); show the half in the reader's language. */
function localizeDetail(detail: string, locale: string): string {
  const match = /^[A-Z_]+: (.*) \/ (.*)$/s.exec(detail);
  if (!match) return detail;
  return locale === 'en' ? match[1]! : match[2]!;
}
