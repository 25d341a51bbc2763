import { useFeatureT } from '../../i18n/featureMessages';
import { bulkMessages } from './bulkMessages';

/** One role of a bulk change, in words: its name, how many people hold it, and what it gets. */
export interface RoleChangeLines {
  roleId: string;
  role: string;
  people: number;
  lines: Array<{ text: string; sensitive: boolean }>;
}

const MAX_ROLES = 10;
/** Per role: a long list for a single role (a column fill), shorter ones when many roles share the dialog. */
const maxLines = (roles: number) => (roles === 1 ? 60 : 15);

/**
 * The body of a bulk confirmation: roles × changes in the words an administrator uses ("销售员角色 · 42 people:
 * Customers › Delete (sensitive), …"), bounded so a 100-role rectangle stays readable, plus notes.
 */
export function BulkChangeSummary({ intro, roles, notes }: { intro: string; roles: readonly RoleChangeLines[]; notes: readonly string[] }) {
  const t = useFeatureT(bulkMessages);
  const shown = roles.slice(0, MAX_ROLES);
  const max = maxLines(roles.length);
  return (
    <>
      <p>{intro}</p>
      <ul aria-label={intro}>
        {shown.map((r) => (
          <li key={r.roleId}>
            <strong>{t('confirm.role', { role: r.role, people: r.people })}</strong>:{' '}
            {r.lines.slice(0, max).map((line, i) => (
              <span key={i}>
                {i > 0 && ', '}
                {line.text}
                {line.sensitive && <span className="sensitive"> ({t('confirm.sensitive')})</span>}
              </span>
            ))}
            {r.lines.length > max && <span className="muted"> {t('confirm.more', { count: r.lines.length - max })}</span>}
          </li>
        ))}
        {roles.length > MAX_ROLES && <li className="muted">{t('confirm.moreRoles', { count: roles.length - MAX_ROLES })}</li>}
      </ul>
      {notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </>
  );
}
