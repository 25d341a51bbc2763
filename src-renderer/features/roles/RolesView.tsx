import { useState } from 'react';
import { useT } from '../../i18n/useT';
import { FieldMatrixView } from '../field-matrix/FieldMatrixView';
import { RoleMatrixView } from '../role-matrix/RoleMatrixView';
import { RoleListTab } from './RoleListTab';
import { RolesTabs, type RoleTab } from './RolesTabs';
import './roles.css';

/** The Roles screen: the permission matrix editor, the field-rule grid and the plain role list, as tabs. */
export function RolesView() {
  const t = useT();
  const [tab, setTab] = useState<RoleTab>('matrix');
  return (
    <section className="view roles-view" aria-labelledby="roles-title">
      <div className="roles-heading">
        <h1 id="roles-title">{t('roles.title')}</h1>
        <RolesTabs current={tab} onChange={setTab} />
      </div>
      <div className="roles-panel" role="tabpanel" id={`roles-panel-${tab}`} aria-labelledby={`roles-tab-${tab}`}>
        {tab === 'matrix' && <RoleMatrixView />}
        {tab === 'fields' && <FieldMatrixView />}
        {tab === 'list' && <RoleListTab />}
      </div>
    </section>
  );
}
