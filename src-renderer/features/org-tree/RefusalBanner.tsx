import { WUKONG_CODES, type DraftProblemCode } from '../../../src-main/common/draft';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useDraftStore } from '../../stores/draftStore';
import { orgMessages } from './messages';

/** A refused gesture in the reader's language, with the error code the CRM itself would have answered. */
export function RefusalBanner() {
  const ft = useFeatureT(orgMessages);
  const locale = useLocale();
  const problem = useDraftStore((s) => s.lastProblem);
  if (!problem) return null;
  const lines = problem.details.length ? problem.details.map(parseDetail) : [{ code: null, en: problem.message, zh: problem.message }];
  return (
    <div role="alert" className="refusal-banner">
      {lines.map((line, i) => {
        const wukong = line.code ? WUKONG_CODES[line.code as DraftProblemCode] : null;
        return (
          <p key={i}>
            <strong>{ft('refused', { message: locale === 'en' ? line.en : line.zh })}</strong>
            {wukong ? <span className="muted"> · {ft('wukongCode', { code: wukong })}</span> : null}
          </p>
        );
      })}
    </div>
  );
}

/** The draft service sends each problem as `CODE: english / 中文`. */
function parseDetail(detail: string): { code: string | null; en: string; zh: string } {
  const match = /^([A-Z_]+): (.*)$/s.exec(detail);
  if (!match) return { code: null, en: detail, zh: detail };
  const text = match[2]!;
  const split = text.lastIndexOf(' / ');
  return split < 0 ? { code: match[1]!, en: text, zh: text } : { code: match[1]!, en: text.slice(0, split), zh: text.slice(split + 3) };
}
