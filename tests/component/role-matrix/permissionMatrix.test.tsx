// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import type { Api } from '../../../src-renderer/api/client';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { CUSTOMER_MODULE, renderPermissionMatrix } from './renderMatrix';
import { cell, cellAt, columnIndex, drag, matrixGrid, rowIndex } from './gridQueries';

const [MARKETER, MARKETER_COPY] = DEMO_FACTS.identicalRoleIds;
const EDITOR = DEMO_FACTS.editWithoutViewRoleId;

let api: Api;
let inProcess: InProcessApi;
let base: RoleMatrix;
beforeAll(async () => {
  giveElementsASize();
  inProcess = await installInProcessApi();
  api = inProcess.api;
  useSettingsStore.getState().setLocale('en');
  base = await api.call('roles.matrix', { draftId: null });
});
afterAll(() => inProcess.dispose());
// Every test starts from the base: the next edit makes a fresh draft.
beforeEach(async () => {
  await act(() => useDraftStore.getState().activate(null));
});
afterEach(cleanup);

const customerAction = (label: string) => base.permissions.find((p) => p.parentId === CUSTOMER_MODULE && p.label.en === label)!.id;
const baseRole = (id: string) => base.baseRoles.find((r) => r.id === id)!;

async function projection(): Promise<RoleMatrix> {
  const draftId = useDraftStore.getState().activeDraftId;
  expect(draftId).not.toBeNull();
  return api.call('roles.matrix', { draftId });
}
async function batches() {
  return (await api.call('drafts.batches', { draftId: useDraftStore.getState().activeDraftId! })).batches;
}
const granted = (m: RoleMatrix, roleId: string) => new Set(m.roles.find((r) => r.id === roleId)!.permissionIds);


describe('permission matrix gestures record draft batches', () => {
  it('a click toggles one cell: one grant batch, the cell is marked pending', async () => {
    const grid = await renderPermissionMatrix('客户资料');
    const create = customerAction('Create');
    expect(baseRole(EDITOR).permissionIds).not.toContain(create);
    const target = cell(grid, 'Create', EDITOR);
    expect(target.dataset.granted).toBe('false');
    drag([target]);

    await waitFor(async () => expect(granted(await projection(), EDITOR).has(create)).toBe(true));
    expect(await batches()).toHaveLength(1);
    expect((await batches())[0]!.ops).toEqual([{ type: 'grantPermissions', roleIds: [EDITOR], permissionIds: [create] }]);
    await waitFor(() => expect(cell(matrixGrid(), 'Create', EDITOR).dataset.pending).toBe('true'));
    // The base is untouched: the change lives in the draft only.
    expect(new Set(baseRole(EDITOR).permissionIds).has(create)).toBe(false);

    // Clicking again revokes (brush from the cell's state): a second batch, and the pending mark goes.
    drag([cell(matrixGrid(), 'Create', EDITOR)]);
    await waitFor(async () => expect(granted(await projection(), EDITOR).has(create)).toBe(false));
    await waitFor(() => expect(cell(matrixGrid(), 'Create', EDITOR).dataset.pending).toBe('false'));
    expect(await batches()).toHaveLength(2);
  });

  it('a drag paints the whole rectangle as one batch, then undo and redo move it as one step', async () => {
    const grid = await renderPermissionMatrix('市场专员');
    const [top, bottom] = [rowIndex(grid, 'Create'), rowIndex(grid, 'View list')].sort((a, b) => a - b) as [number, number];
    const [left, right] = [columnIndex(grid, MARKETER), columnIndex(grid, MARKETER_COPY)].sort((a, b) => a - b) as [number, number];
    expect(bottom - top).toBeGreaterThanOrEqual(1);
    const rowLabels = [...grid.querySelectorAll('[role="row"]')]
      .map((row) => [Number(row.getAttribute('aria-rowindex')) - 3, row.querySelector('.rowhead-label')?.textContent ?? ''] as const)
      .filter(([i]) => i >= top && i <= bottom)
      .map(([, label]) => label);
    const painted = rowLabels.map(customerAction);
    expect(cellAt(grid, top, left).dataset.granted).toBe('false'); // so the brush is "grant"

    drag([cellAt(grid, top, left), cellAt(grid, top + 1, left), cellAt(grid, bottom, left), cellAt(grid, bottom, right)]);

    await waitFor(async () => {
      const m = await projection();
      for (const roleId of [MARKETER, MARKETER_COPY]) for (const id of painted) expect(granted(m, roleId).has(id)).toBe(true);
    });
    expect(await batches()).toHaveLength(1);
    // Cells outside the rectangle did not change.
    const outside = base.permissions.filter((p) => p.parentId === CUSTOMER_MODULE && !painted.includes(p.id)).map((p) => p.id);
    for (const id of outside) expect(granted(await projection(), MARKETER).has(id)).toBe(granted(base, MARKETER).has(id));
    // Pending marks: on the newly granted top-right cell; not on cells that already held the grant.
    await waitFor(() => expect(cellAt(matrixGrid(), top, right).dataset.pending).toBe('true'));
    const held = painted.findIndex((id) => granted(base, MARKETER_COPY).has(id));
    if (held >= 0) expect(cellAt(matrixGrid(), top + held, right).dataset.pending).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect([...granted(await projection(), MARKETER)].sort()).toEqual([...granted(base, MARKETER)].sort()));
    await waitFor(() => expect(matrixGrid().querySelectorAll('[data-pending="true"]')).toHaveLength(0));

    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    await waitFor(async () => {
      const m = await projection();
      for (const id of painted) expect(granted(m, MARKETER_COPY).has(id)).toBe(true);
    });
  });

  it('the row header fills a row for every shown role (Export is sensitive: confirmed first)', async () => {
    await renderPermissionMatrix('市场专员');
    const exportId = customerAction('Export');
    expect(granted(base, MARKETER).has(exportId)).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Grant or clear Export for every shown role' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Grant 2 permissions to 2 roles?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Grant 2 permissions' }));
    await waitFor(async () => {
      const m = await projection();
      expect(granted(m, MARKETER).has(exportId)).toBe(true);
      expect(granted(m, MARKETER_COPY).has(exportId)).toBe(true);
    });
    const ops = (await batches())[0]!.ops;
    expect(ops).toEqual([{ type: 'grantPermissions', roleIds: [MARKETER, MARKETER_COPY], permissionIds: [exportId] }]);
  });

  it('keyboard: shift+arrows select a rectangle and G grants it', async () => {
    const grid = await renderPermissionMatrix('客户资料');
    const col = columnIndex(grid, EDITOR);
    const start = rowIndex(grid, 'Create');
    grid.focus();
    fireEvent.focus(grid);
    for (let i = 0; i < start; i += 1) fireEvent.keyDown(grid, { key: 'ArrowDown' });
    for (let i = 0; i < col; i += 1) fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    const labels = [start, start + 1].map((r) => grid.querySelector(`[aria-rowindex="${r + 3}"] .rowhead-label`)!.textContent!);
    fireEvent.keyDown(grid, { key: 'g' });
    await waitFor(async () => {
      const m = await projection();
      for (const label of labels) expect(granted(m, EDITOR).has(customerAction(label))).toBe(true);
    });
    expect(await batches()).toHaveLength(1);
  });

  it('compare with "differences only" shows exactly the rows where the compared roles differ', async () => {
    await renderPermissionMatrix('市场专员');
    fireEvent.click(screen.getByRole('checkbox', { name: `Compare ${baseRole(MARKETER).name}` }));
    fireEvent.click(screen.getByRole('checkbox', { name: `Compare ${baseRole(MARKETER_COPY).name}` }));
    fireEvent.click(screen.getByRole('button', { name: 'Compare selected (2)' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Differences only' }));
    // The demo's two marketer roles are identical (DEMO_FACTS.identicalRoleIds): nothing differs.
    expect(await screen.findByText('No permission matches the filters.')).toBeTruthy();

    // Make one difference through the api, as another gesture would: exactly that row appears.
    const deleteId = customerAction('Delete');
    await act(() => useDraftStore.getState().applyBatch({ id: 'test-diff', ops: [{ type: 'grantPermissions', roleIds: [MARKETER], permissionIds: [deleteId] }] }, 'test'));
    await waitFor(() => {
      const actionRows = [...matrixGrid().querySelectorAll('.rowhead-action .rowhead-label')].map((e) => e.textContent);
      expect(actionRows).toEqual(['Delete']);
    });
    expect(cell(matrixGrid(), 'Delete', MARKETER).dataset.granted).toBe('true');
    expect(cell(matrixGrid(), 'Delete', MARKETER_COPY).dataset.granted).toBe('false');
  });

  it('the data scope selector and role menu make draft operations; a refused rename is shown', async () => {
    await renderPermissionMatrix('市场专员');
    fireEvent.change(screen.getByRole('combobox', { name: `Data scope of ${baseRole(MARKETER).name}` }), { target: { value: '4' } });
    await waitFor(async () => expect((await projection()).roles.find((r) => r.id === MARKETER)!.dataScope).toBe(4));

    // Renaming the copy to the original's name breaks WukongCRM's rule 1117 (unique per role type).
    fireEvent.click(screen.getByRole('button', { name: `Actions for ${baseRole(MARKETER_COPY).name}` }));
    fireEvent.click(await screen.findByRole('button', { name: 'Rename…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: baseRole(MARKETER).name } });
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    const refusal = await screen.findByTestId('draft-refusal');
    expect(refusal.textContent).toContain('already exists');
    expect(await batches()).toHaveLength(1); // only the scope change was recorded
  });

  it('new role and copy role are draft operations; the new columns appear marked as new', async () => {
    await renderPermissionMatrix('市场专员');
    fireEvent.click(screen.getByRole('button', { name: `Actions for ${baseRole(MARKETER).name}` }));
    fireEvent.click(await screen.findByRole('button', { name: 'Copy…' }));
    const copyName = screen.getByRole<HTMLInputElement>('textbox', { name: 'Name' });
    expect(copyName.value).toBe(`${baseRole(MARKETER).name} (copy)`);
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(async () => {
      const copy = (await projection()).roles.find((r) => r.name === `${baseRole(MARKETER).name} (copy)`);
      expect(copy?.permissionIds.slice().sort()).toEqual(baseRole(MARKETER).permissionIds.slice().sort());
    });
    // The search "市场专员" still matches the copy, so it shows as a new column.
    await waitFor(() => expect(matrixGrid().querySelectorAll('.rolehead-tag')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'New role…' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), { target: { value: '市场专员 实习' } });
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(async () => {
      const created = (await projection()).roles.find((r) => r.name === '市场专员 实习');
      expect(created?.permissionIds).toEqual([]);
      expect(created?.id.startsWith('new-role:')).toBe(true);
    });
    expect(await batches()).toHaveLength(2);
  });
});
