// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import type { Api } from '../../../src-renderer/api/client';
import { FieldMatrixView } from '../../../src-renderer/features/field-matrix/FieldMatrixView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { renderFieldMatrix } from './renderMatrix';
import { cellAt, columnIndex, drag } from './gridQueries';

const { fieldConflict } = DEMO_FACTS;
const [MARKETER, MARKETER_COPY] = DEMO_FACTS.identicalRoleIds;

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
beforeEach(async () => {
  await act(() => useDraftStore.getState().activate(null));
});
afterEach(cleanup);

const ruleOf = (m: RoleMatrix, roleId: string, field: string) => m.fieldRules.find((r) => r.roleId === roleId && r.module === 'customer' && r.field === field);
async function projection(): Promise<RoleMatrix> {
  return api.call('roles.matrix', { draftId: useDraftStore.getState().activeDraftId });
}
function fieldRow(grid: HTMLElement, fieldName: string): number {
  const row = [...grid.querySelectorAll('[role="row"]')].find((r) => r.querySelector('.rowhead-key')?.textContent === fieldName);
  if (!row) throw new Error(`no row for field ${fieldName}`);
  return Number(row.getAttribute('aria-rowindex')) - 3;
}

describe('field rule grid', () => {
  it('a drag paints the access brush over fields × roles as one setFieldRules batch; undo restores', async () => {
    const grid = await renderFieldMatrix('市场专员', 'Hidden');
    const fields = base.fields.filter((f) => f.module === 'customer').slice(0, 3).map((f) => f.name);
    const rows = fields.map((f) => fieldRow(grid, f));
    const cols = [columnIndex(grid, MARKETER), columnIndex(grid, MARKETER_COPY)];
    drag([cellAt(grid, rows[0]!, cols[0]!), cellAt(grid, rows[2]!, cols[0]!), cellAt(grid, rows[2]!, cols[1]!)]);

    await waitFor(async () => {
      const m = await projection();
      for (const roleId of [MARKETER, MARKETER_COPY]) for (const field of fields) expect(ruleOf(m, roleId, field)?.access).toBe('hidden');
    });
    const { batches } = await api.call('drafts.batches', { draftId: useDraftStore.getState().activeDraftId! });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.ops.map((o) => o.type)).toEqual(['setFieldRules']);
    await waitFor(() => expect(cellAt(grid, rows[1]!, cols[1]!).dataset.access).toBe('hidden'));
    expect(cellAt(grid, rows[1]!, cols[1]!).dataset.pending).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => {
      const m = await projection();
      for (const field of fields) expect(ruleOf(m, MARKETER, field)?.access).toBe(ruleOf(base, MARKETER, field)?.access);
    });
  });

  it('the L key masks the selected maskable field; the demo conflict field shows its base values', async () => {
    render(<FieldMatrixView />);
    const grid = await screen.findByRole('grid', { name: 'Field rules' });
    const row = fieldRow(grid, fieldConflict.field);
    const col = columnIndex(grid, fieldConflict.hiddenRoleId);
    expect(cellAt(grid, row, col).dataset.access).toBe('hidden');
    expect(cellAt(grid, row, columnIndex(grid, fieldConflict.editRoleId)).dataset.access).toBe('edit');
    drag([cellAt(grid, row, col)]); // the default brush is "read only"
    await waitFor(async () => expect(ruleOf(await projection(), fieldConflict.hiddenRoleId, fieldConflict.field)?.access).toBe('read'));
    fireEvent.keyDown(grid, { key: 'l' });
    await waitFor(async () => expect(ruleOf(await projection(), fieldConflict.hiddenRoleId, fieldConflict.field)?.mask).toBe('list'));
  });
});
