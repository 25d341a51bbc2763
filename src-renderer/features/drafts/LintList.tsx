import { useState } from 'react';
import { useFeatureT } from '../../i18n/featureMessages';
import { useLocale } from '../../i18n/useT';
import { useFocusStore, type FocusTarget } from '../../stores/focusStore';
import { draftsMessages } from './messages';
import type { DraftReview } from './useDraftReview';

type Finding = DraftReview['findings'][number];
const SHOWN = 30;

/**
 * The engine's lints for the draft's projected state: errors block a push, warnings and notes do not. Findings
 * the base does not have are marked, and each offers a jump to the person, role cell or department it names.
 */
export function LintList({ findings }: { findings: Finding[] }) {
  const t = useFeatureT(draftsMessages);
  const sections = [
    { severity: 'error', title: t('blocking', { count: findings.filter((f) => f.severity === 'error').length }) },
    { severity: 'warning', title: t('warnings', { count: findings.filter((f) => f.severity === 'warning').length }) },
    { severity: 'info', title: t('notes', { count: findings.filter((f) => f.severity === 'info').length }) },
  ] as const;
  return (
    <section className="draft-lints" aria-labelledby="lints-title">
      <h3 id="lints-title">{t('lintsTitle')}</h3>
      {findings.length === 0 && <p className="muted">{t('lintsNone')}</p>}
      {sections.map(({ severity, title }) => {
        // New findings first: they are the ones this draft is responsible for.
        const list = findings.filter((f) => f.severity === severity).sort((a, b) => Number(b.isNew) - Number(a.isNew));
        return list.length === 0 ? null : <FindingSection key={severity} severity={severity} title={title} list={list} />;
      })}
    </section>
  );
}

function FindingSection({ severity, title, list }: { severity: string; title: string; list: Finding[] }) {
  const t = useFeatureT(draftsMessages);
  const locale = useLocale();
  const [all, setAll] = useState(false);
  const focus = useFocusStore((s) => s.focus);
  const jump = (target: FocusTarget, hash: string) => {
    focus(target);
    location.hash = hash;
  };
  const shown = all ? list : list.slice(0, SHOWN);
  return (
    <div className={`lint-section lint-${severity}`}>
      <h4>{title}</h4>
      <ul aria-label={title}>
        {shown.map((f, i) => (
          <li key={`${f.ruleId}-${i}`}>
            <span className="lint-message">{f.message[locale]}</span>
            {f.isNew && <span className="lint-new">{t('newInDraft')}</span>}
            <span className="lint-jumps">
              {f.refs.userIds?.[0] && (
                <button type="button" className="link-button" onClick={() => jump({ kind: 'user', id: f.refs.userIds![0]! }, '#/organisation')}>
                  {t('showPerson')}
                </button>
              )}
              {f.refs.roleIds?.[0] && (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => jump({ kind: 'role', id: f.refs.roleIds![0]!, ...(f.refs.permissionIds?.[0] ? { permissionId: f.refs.permissionIds[0] } : {}) }, '#/roles')}
                >
                  {t('showRole')}
                </button>
              )}
              {f.refs.departmentIds?.[0] && (
                <button type="button" className="link-button" onClick={() => jump({ kind: 'department', id: f.refs.departmentIds![0]! }, '#/organisation')}>
                  {t('showDepartment')}
                </button>
              )}
            </span>
          </li>
        ))}
      </ul>
      {!all && list.length > SHOWN && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {t('showMore', { count: list.length })}
        </button>
      )}
    </div>
  );
}
