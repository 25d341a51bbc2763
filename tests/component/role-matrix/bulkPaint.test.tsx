// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import type { Api } from '../../../src-renderer/api/client';
import { DraftBar } from '../../../src-renderer/features/drafts/DraftBar';
import { FieldMatrixView } from '../../../src-renderer/features/field-matrix/FieldMatrixView';
import { RoleMatrixView } from '../../../src-renderer/features/role-matrix/RoleMatrixView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { CUSTOMER_MODULE, renderPermissionMatrix } from './renderMatrix';
import { cell, drag, matrixGrid } from './gridQueries';

// Bulk paint is visible and undoable: the fill that granted Export, Delete and Transfer to 销售员角色 (and took
// back four pending revokes) in one click now says what it grants, to whom, and can be undone from its toast.
const SALES = '180170'; // 销售员角色
const [MARKETER, MARKETER_COPY] = DEMO_FACTS.identicalRoleIds;

let api: Api;
let inProcess: InProcessApi;
let base: RoleMatrix;
beforeAll(async () => {
  giveElementsASize();
  inProcess = await installInProcessApi();
  api = inProcess.api;
  base = await api.call('roles.matrix', { draftId: null });
});
afterAll(() => inProcess.dispose());
beforeEach(async () => {
  useSettingsStore.getState().setLocale('en');
  await act(() => useDraftStore.getState().activate(null));
});
afterEach(cleanup);

const customerAction = (label: string) => base.permissions.find((p) => p.parentId === CUSTOMER_MODULE && p.label.en === label)!.id;
const activeDraftId = () => useDraftStore.getState().activeDraftId;
const projection = () => api.call('roles.matrix', { draftId: activeDraftId() });
const granted = (m: RoleMatrix, roleId: string) => new Set(m.roles.find((r) => r.id === roleId)!.permissionIds);
const appliedCount = () => useDraftStore.getState().activeDraft()?.appliedCount ?? 0;


describe('bulk paint in the role matrix', () => {
  it('a column fill lists what it grants in words, keeps the pending revokes, and is undone from its toast', async () => {
    const sales = base.roles.find((r) => r.id === SALES)!;
    const people = base.memberCounts[SALES]!;
    const salesGrants = granted(base, SALES);
    for (const label of ['Delete', 'Export', 'Transfer owner']) expect(salesGrants.has(customerAction(label))).toBe(false);
    const grid = await renderPermissionMatrix(sales.name);
    // One pending revoke in the column: a granted customer action clicked off.
    const revokedLabel = ['View list', 'View detail', 'Create', 'Edit'].find((l) => salesGrants.has(customerAction(l)))!;
    drag([cell(grid, revokedLabel, SALES)]);
    await waitFor(async () => expect(granted(await projection(), SALES).has(customerAction(revokedLabel))).toBe(false));
    expect(screen.queryByTestId('undo-toast')).toBeNull(); // one cell: no toast

    fireEvent.click(screen.getByRole('button', { name: `Grant or clear every shown permission of ${sales.name}` }));
    const dialog = await screen.findByRole('alertdialog', { name: /^Grant \d+ permissions to 销售员角色\?$/ });
    const text = dialog.textContent!;
    expect(text).toContain(`销售员角色 · ${people} people`);
    for (const label of ['Delete', 'Export', 'Transfer owner']) expect(text).toContain(`Customers › ${label} (sensitive)`);
    expect(text).toContain('1 permissions you revoke in this draft stay revoked: the fill grants only the others.');
    expect(text).not.toContain(`Customers › ${revokedLabel}`);
    // Nothing is sent before the answer, and the safe button has the focus.
    expect(appliedCount()).toBe(1);
    expect(document.activeElement).toBe(within(dialog).getByRole('button', { name: 'Cancel' }));

    fireEvent.click(within(dialog).getByRole('button', { name: /^Grant \d+ permissions$/ }));
    await waitFor(async () => {
      const m = granted(await projection(), SALES);
      for (const label of ['Delete', 'Export', 'Transfer owner']) expect(m.has(customerAction(label))).toBe(true);
      expect(m.has(customerAction(revokedLabel))).toBe(false); // still revoked
    });
    const toast = await screen.findByTestId('undo-toast');
    expect(toast.getAttribute('role')).toBe('status');
    expect(toast.textContent).toMatch(new RegExp(`Granted \\d+ permissions to 销售员角色 \\(${people} people\\)\\. 1 permissions you revoke in this draft stay revoked\\.`));
    const undo = within(toast).getByRole('button', { name: 'Undo this change' });
    undo.focus(); // a plain button in the tab order
    expect(document.activeElement).toBe(undo);
    fireEvent.click(undo);
    await waitFor(async () => {
      const m = granted(await projection(), SALES);
      for (const label of ['Delete', 'Export', 'Transfer owner']) expect(m.has(customerAction(label))).toBe(false);
    });
    expect(appliedCount()).toBe(1);
    expect(screen.queryByTestId('undo-toast')).toBeNull();
  });

  it('Escape or Cancel sends nothing; a fill that asks nothing still gets its toast, gone after another edit', async () => {
    const grid = await renderPermissionMatrix('市场专员');
    fireEvent.click(screen.getByRole('button', { name: 'Grant or clear Delete for every shown role' }));
    const dialog = await screen.findByRole('alertdialog');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(activeDraftId()).toBeNull();

    // Create is not sensitive and the fill is two cells: no question, a toast.
    const create = customerAction('Create');
    const missing = [MARKETER, MARKETER_COPY].filter((id) => !granted(base, id).has(create)).length;
    expect(missing).toBeGreaterThan(0);
    fireEvent.click(screen.getByRole('button', { name: 'Grant or clear Create for every shown role' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    const toast = await screen.findByTestId('undo-toast');
    expect(toast.textContent).toContain(missing === 1 ? 'Granted 1 permissions to' : `Granted ${missing} permissions to 2 roles.`);
    // Another edit: the toast's Undo would no longer undo the fill, so it goes.
    drag([cell(grid, 'Edit', MARKETER)]);
    await waitFor(() => expect(screen.queryByTestId('undo-toast')).toBeNull());
    expect(matrixGrid()).toBeTruthy();
  });

  it('in Chinese: the confirmation names roles and permission paths in Chinese', async () => {
    useSettingsStore.getState().setLocale('zh-CN');
    render(<RoleMatrixView />);
    await screen.findByRole('grid', { name: '权限矩阵' });
    fireEvent.change(screen.getByRole('combobox', { name: '模块' }), { target: { value: CUSTOMER_MODULE } });
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索角色' }), { target: { value: '市场专员' } });
    fireEvent.click(screen.getByRole('button', { name: '为所有显示的角色授予或清除 删除' }));
    const dialog = await screen.findByRole('alertdialog', { name: /^为 2 个角色授予 2 项权限？$/ });
    expect(dialog.textContent).toContain('客户管理 › 删除 (敏感)');
    expect(dialog.textContent).toMatch(/市场专员 · \d+ 人/);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
  });
});

describe('bulk paint in the field rules', () => {
  it('a column fill that removes masks asks first, then offers Undo', async () => {
    const { fieldConflict } = DEMO_FACTS;
    render(
      <>
        <DraftBar />
        <FieldMatrixView />
      </>,
    );
    await screen.findByRole('grid', { name: 'Field rules' });
    const roleId = fieldConflict.hiddenRoleId;
    const role = base.roles.find((r) => r.id === roleId)!;
    // Mask every maskable customer field of the role (a fill), then take the masks off again with "No mask".
    fireEvent.click(screen.getByRole('button', { name: 'Masked in lists' }));
    fireEvent.click(screen.getByRole('button', { name: `Paint the brush on every shown field of ${role.name}` }));
    await screen.findByTestId('undo-toast');
    expect(screen.queryByRole('alertdialog')).toBeNull(); // adding masks narrows access: no question
    const before = appliedCount();

    fireEvent.click(screen.getByRole('button', { name: 'No mask' }));
    fireEvent.click(screen.getByRole('button', { name: `Paint the brush on every shown field of ${role.name}` }));
    const dialog = await screen.findByRole('alertdialog', { name: new RegExp(`^Change \\d+ field rules of ${role.name}\\?$`) });
    expect(dialog.textContent).toContain('Masked in lists → No mask (sensitive)');
    expect(dialog.textContent).toContain(`${role.name} · ${base.memberCounts[roleId] ?? 0} people`);
    expect(appliedCount()).toBe(before);
    fireEvent.click(within(dialog).getByRole('button', { name: /^Apply \d+ changes$/ }));
    await waitFor(() => expect(appliedCount()).toBe(before + 1));
    fireEvent.click(within(await screen.findByTestId('undo-toast')).getByRole('button', { name: 'Undo this change' }));
    await waitFor(() => expect(appliedCount()).toBe(before));
  });
});
