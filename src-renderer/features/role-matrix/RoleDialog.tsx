import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DraftOperation } from '../../../src-main/common/draft';
import { DATA_SCOPES, type DataScope, type RoleGroup } from '../../../src-main/common/domain';
import type { FeatureT } from '../../i18n/featureMessages';
import type { T } from '../../i18n/useT';
import type { RoleMatrixMessageKey } from './messages';
import type { MatrixColumn } from './roleColumns';
import { newId } from '../../app/newId';

export type RoleDialogState =
  | { kind: 'menu'; column: MatrixColumn }
  | { kind: 'copy'; column: MatrixColumn }
  | { kind: 'rename'; column: MatrixColumn }
  | { kind: 'delete'; column: MatrixColumn }
  | { kind: 'create' };

interface Props {
  state: RoleDialogState;
  groups: readonly RoleGroup[];
  t: FeatureT<RoleMatrixMessageKey>;
  shared: T;
  localize(text: RoleGroup['label']): string;
  onNavigate(next: RoleDialogState | null): void;
  /** One role operation = one gesture; the dialog closes when the draft accepts it. */
  onSubmit(ops: DraftOperation[], label: string): void;
}

/** Ids for roles the draft creates; the connector maps them to the server's ids after a re-read. */
function newRoleId(): string {
  return newId('new-role', ':');
}

/**
 * The role header menu and its forms: copy, rename, delete, and "new role" from the toolbar. A small
 * non-modal dialog; Escape or Cancel closes it, and the first field takes focus so it works by keyboard.
 */
export function RoleDialog({ state, groups, t, shared, localize, onNavigate, onSubmit }: Props) {
  const role = state.kind === 'create' ? null : state.column.role;
  const [name, setName] = useState(() =>
    state.kind === 'copy' ? t('dialog.copyName', { name: role!.name }) : state.kind === 'rename' ? role!.name : '',
  );
  const [groupId, setGroupId] = useState(groups.find((g) => g.hasDataScope)?.id ?? groups[0]?.id ?? '');
  const [scope, setScope] = useState<DataScope>(1);
  const first = useRef<HTMLElement | null>(null);
  useEffect(() => first.current?.focus(), [state.kind]);

  const titleId = 'role-dialog-title';
  const title =
    state.kind === 'create'
      ? t('dialog.createTitle')
      : t(state.kind === 'menu' ? 'menu.title' : state.kind === 'copy' ? 'dialog.copyTitle' : state.kind === 'rename' ? 'dialog.renameTitle' : 'dialog.deleteTitle', { role: role!.name });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (state.kind === 'copy' && trimmed) onSubmit([{ type: 'copyRole', roleId: newRoleId(), sourceRoleId: role!.id, name: trimmed }], t('batch.copy', { role: role!.name, name: trimmed }));
    else if (state.kind === 'rename' && trimmed && trimmed !== role!.name) onSubmit([{ type: 'renameRole', roleId: role!.id, name: trimmed }], t('batch.rename', { role: role!.name, name: trimmed }));
    else if (state.kind === 'delete') onSubmit([{ type: 'deleteRole', roleId: role!.id }], t('batch.delete', { role: role!.name }));
    else if (state.kind === 'create' && trimmed && groupId) {
      onSubmit([{ type: 'createRole', roleId: newRoleId(), name: trimmed, groupId, dataScope: scope, permissionIds: [] }], t('batch.create', { name: trimmed }));
    }
  };
  const group = groups.find((g) => g.id === groupId);

  return (
    <form className="matrix-dialog" role="dialog" aria-labelledby={titleId} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onNavigate(null)}>
      <h2 id={titleId}>{title}</h2>
      {state.kind === 'menu' && (
        <div className="dialog-actions" role="group">
          <button type="button" ref={(el) => void (first.current = el)} onClick={() => onNavigate({ kind: 'copy', column: state.column })}>
            {t('menu.copy')}
          </button>
          <button type="button" disabled={state.column.locked} onClick={() => onNavigate({ kind: 'rename', column: state.column })}>
            {t('menu.rename')}
          </button>
          <button type="button" className="danger" disabled={state.column.locked} onClick={() => onNavigate({ kind: 'delete', column: state.column })}>
            {t('menu.delete')}
          </button>
        </div>
      )}
      {(state.kind === 'copy' || state.kind === 'rename' || state.kind === 'create') && (
        <label>
          {t('dialog.name')}
          <input ref={(el) => void (first.current = el)} value={name} maxLength={255} required onChange={(e) => setName(e.target.value)} />
        </label>
      )}
      {state.kind === 'create' && (
        <>
          <label>
            {t('dialog.group')}
            <select value={groupId} onChange={(e) => setGroupId(e.target.value)}>
              {groups.map((g) => (
                <option key={g.id} value={g.id}>
                  {localize(g.label)}
                </option>
              ))}
            </select>
          </label>
          {group?.hasDataScope && (
            <label>
              {t('dialog.scope')}
              <select value={scope} onChange={(e) => setScope(Number(e.target.value) as DataScope)}>
                {DATA_SCOPES.map((s) => (
                  <option key={s} value={s}>
                    {shared(`scope.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      )}
      {state.kind === 'delete' && <p>{t('dialog.deleteText', { count: state.column.memberCount })}</p>}
      <div className="dialog-actions">
        {state.kind !== 'menu' && (
          <button type="submit" className={state.kind === 'delete' ? 'danger' : undefined} ref={state.kind === 'delete' ? (el) => void (first.current = el) : undefined}>
            {state.kind === 'delete' ? t('dialog.delete') : t('dialog.ok')}
          </button>
        )}
        <button type="button" onClick={() => onNavigate(null)}>
          {t('dialog.cancel')}
        </button>
      </div>
    </form>
  );
}
