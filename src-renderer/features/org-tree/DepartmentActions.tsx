import { useState, type FormEvent } from 'react';
import type { Department } from '../../../src-main/common/domain';
import type { OrgView } from '../../../src-main/common/ipc';
import { useFeatureT } from '../../i18n/featureMessages';
import { peopleInSubtree, withoutRole } from './dropGesture';
import { orgMessages } from './messages';
import { newId } from '../../app/newId';
import { gesture } from '../drafts/useRecordGesture';
import { useOrgGesture } from './orgEdits';

type Mode = 'create' | 'rename' | 'move' | 'head' | 'role';

/**
 * Edits of the selected department, and the keyboard way to do what dragging does (move under another
 * department, give a role to everyone in it). Each action is one gesture in the draft.
 */
export function DepartmentActions({ department, view }: { department: Department; view: OrgView }) {
  const ft = useFeatureT(orgMessages);
  const record = useOrgGesture();
  const [mode, setMode] = useState<Mode | null>(null);
  const [value, setValue] = useState('');
  const open = (next: Mode, initial = '') => {
    setMode(next);
    setValue(initial);
  };
  const userName = (id: string) => view.users.find((u) => u.id === id)?.name ?? id;
  const deptName = (id: string) => view.departments.find((d) => d.id === id)?.name ?? id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const v = value.trim();
    let done = true;
    if (mode === 'create' && v) {
      done = await record(gesture(ft('label_create', { name: v, parent: department.name }), { type: 'createDepartment', departmentId: newId('new-dept'), parentId: department.id, name: v }));
    } else if (mode === 'rename' && v && v !== department.name) {
      done = await record(gesture(ft('label_rename', { department: department.name, name: v }), { type: 'renameDepartment', departmentId: department.id, name: v }));
    } else if (mode === 'move' && v) {
      done = await record(gesture(ft('label_moveDept', { department: department.name, parent: deptName(v) }), { type: 'moveDepartment', departmentId: department.id, parentId: v }));
    } else if (mode === 'head') {
      const head = v || null;
      done = await record(
        gesture(head ? ft('label_head', { who: userName(head), department: department.name }) : ft('label_noHead', { department: department.name }), {
          type: 'setDepartmentHead',
          departmentId: department.id,
          headUserId: head,
        }),
      );
    } else if (mode === 'role' && v) {
      const people = withoutRole(view, peopleInSubtree(view, department.id), v);
      const role = view.roles.find((r) => r.id === v)?.name ?? v;
      if (people.length) done = await record(gesture(ft('label_assign', { role, count: people.length }), { type: 'assignRoles', userIds: people, roleIds: [v] }));
    }
    if (done) setMode(null);
  };

  const remove = () => void record(gesture(ft('label_delete', { department: department.name }), { type: 'deleteDepartment', departmentId: department.id }));
  const members = view.users.filter((u) => u.departmentId === department.id);

  return (
    <div className="dept-actions" role="group" aria-label={ft('deptActions')}>
      <div className="toolbar">
        <button type="button" onClick={() => open('create')}>{ft('newSub')}</button>
        <button type="button" onClick={() => open('rename', department.name)}>{ft('rename')}</button>
        <button type="button" onClick={() => open('head', department.headUserId ?? '')}>{ft('setHead')}</button>
        {department.parentId !== null && <button type="button" onClick={() => open('move', department.parentId ?? '')}>{ft('moveDept')}</button>}
        <button type="button" onClick={() => open('role')}>{ft('assignRoleDept')}</button>
        <button type="button" className="danger" onClick={remove}>{ft('delete')}</button>
      </div>
      {mode && (
        <form className="inline-form" onSubmit={(e) => void submit(e)}>
          {(mode === 'create' || mode === 'rename') && (
            <label>
              {ft('name')} <input autoFocus value={value} maxLength={64} onChange={(e) => setValue(e.target.value)} />
            </label>
          )}
          {mode === 'move' && (
            <label>
              {ft('pickDepartment')}{' '}
              <select autoFocus value={value} onChange={(e) => setValue(e.target.value)}>
                {view.departments.filter((d) => d.id !== department.id).map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
              </select>
            </label>
          )}
          {mode === 'head' && (
            <label>
              {ft('pickPerson')}{' '}
              <select autoFocus value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="">{ft('nobody')}</option>
                {(members.length ? members : view.users).map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
              </select>
            </label>
          )}
          {mode === 'role' && (
            <label>
              {ft('pickRole')}{' '}
              <select autoFocus value={value} onChange={(e) => setValue(e.target.value)}>
                <option value="" disabled>—</option>
                {view.roles.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
              </select>
            </label>
          )}
          <button type="submit">{ft('ok')}</button>
          <button type="button" onClick={() => setMode(null)}>{ft('cancel')}</button>
        </form>
      )}
    </div>
  );
}
