// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { RoleMatrix } from '../../../src-main/common/ipc';
import { setApi, type Api } from '../../../src-renderer/api/client';
import { queryClient, revisionOf } from '../../../src-renderer/api/serverCache';
import { RoleMatrixView } from '../../../src-renderer/features/role-matrix/RoleMatrixView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { renderFieldMatrix, renderPermissionMatrix } from './renderMatrix';
import { cell, cellAt, columnIndex, drag, matrixGrid } from './gridQueries';

/**
 * A gesture's answer carries what it changed in the role matrix, and the matrix held is patched with it: after
 * apply, undo and redo nobody asks for `roles.matrix` again, and what is held equals what a fresh ask would give.
 */
const [MARKETER, MARKETER_COPY] = DEMO_FACTS.identicalRoleIds;
const EDITOR = DEMO_FACTS.editWithoutViewRoleId;

let inProcess: InProcessApi;
let api: Api;
/** The matrices the renderer asked for since the last `reset`. */
let asked: unknown[] = [];
beforeAll(async () => {
  giveElementsASize();
  inProcess = await installInProcessApi();
  api = inProcess.api;
  setApi({
    ...api,
    call: ((channel, input) => {
      if (channel === 'roles.matrix') asked.push(input);
      return api.call(channel, input);
    }) as Api['call'],
  });
  useSettingsStore.getState().setLocale('en');
});
afterAll(() => inProcess.dispose());
beforeEach(async () => {
  await act(() => useDraftStore.getState().activate(null));
});
afterEach(cleanup);

const draftId = () => useDraftStore.getState().activeDraftId!;
const appliedCount = () => useDraftStore.getState().activeDraft()?.appliedCount ?? 0;
/** The matrix the cache holds for the active draft at the current revision (what the grid draws). */
const held = (fieldRules: boolean) => queryClient.getQueryData<RoleMatrix>(['roles.matrix', { draftId: draftId(), fieldRules }, 'draft', revisionOf('draft')]);
/** Waits for `applied` gestures, then checks the matrix held against a fresh one and that none was asked. */
async function heldIsFresh(applied: number, fieldRules: boolean) {
  await waitFor(() => expect(appliedCount()).toBe(applied));
  await waitFor(() => expect(held(fieldRules)).toBeDefined());
  expect(held(fieldRules)).toEqual(await api.call('roles.matrix', { draftId: draftId(), fieldRules }));
  expect(asked).toEqual([]);
}

describe('gestures answered with deltas', () => {
  it('the permission grid: a new draft’s first cells, a second gesture, undo and redo never ask for the matrix again', async () => {
    const grid = await renderPermissionMatrix('客户资料');
    await waitFor(() => cell(matrixGrid(), 'Create', EDITOR));
    asked = [];

    drag([cell(grid, 'Create', EDITOR)]); // the first gesture makes a draft: its matrix starts from the base's
    await heldIsFresh(1, false);
    await waitFor(() => expect(cell(matrixGrid(), 'Create', EDITOR).dataset.pending).toBe('true'));

    drag([cell(matrixGrid(), 'Delete', EDITOR)]);
    await heldIsFresh(2, false);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await heldIsFresh(1, false);
    fireEvent.click(screen.getByRole('button', { name: 'Redo' }));
    await heldIsFresh(2, false);
    expect(cell(matrixGrid(), 'Delete', EDITOR).dataset.pending).toBe('true');
  });

  it('the field rules grid: the matrix with field rules is patched too', async () => {
    const grid = await renderFieldMatrix('市场专员', 'Hidden');
    await waitFor(() => expect(grid.querySelector('[data-cell]')).not.toBeNull());
    asked = [];
    const [left, right] = [columnIndex(grid, MARKETER), columnIndex(grid, MARKETER_COPY)];
    drag([cellAt(grid, 0, left!), cellAt(grid, 1, left!), cellAt(grid, 1, right!)]);
    await heldIsFresh(1, true);
    await waitFor(() => expect(cellAt(grid, 1, right!).dataset.access).toBe('hidden'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await heldIsFresh(0, true);
  });

  it('a refused gesture keeps the matrix held; a change made elsewhere in between is asked for whole, and still right', async () => {
    render(<RoleMatrixView />);
    await screen.findByRole('grid', { name: 'Permissions matrix' });
    await act(() => useDraftStore.getState().applyBatch({ id: 'delta-scope', ops: [{ type: 'setDataScope', roleId: MARKETER, dataScope: 3 }] }, 'Deltas'));
    await waitFor(() => expect(held(false)).toBeDefined());
    asked = [];
    // Renaming the copy to the original's name breaks WukongCRM's rule 1117: refused, nothing changes.
    const name = held(false)!.roles.find((r) => r.id === MARKETER)!.name;
    expect(await act(() => useDraftStore.getState().applyBatch({ id: 'delta-refused', ops: [{ type: 'renameRole', roleId: MARKETER_COPY, name }] }, 'Deltas'))).toBe(false);
    await heldIsFresh(1, false);

    // Another window's gesture: its event moves the revision, the matrix is asked again (once), then ours is a delta.
    act(() => void inProcess.services.drafts().apply(draftId(), { id: 'elsewhere', ops: [{ type: 'setDataScope', roleId: MARKETER_COPY, dataScope: 2 }] }));
    await waitFor(() => expect(asked).toHaveLength(1));
    await waitFor(() => expect(held(false)).toBeDefined());
    asked = [];
    await act(() => useDraftStore.getState().load());
    await act(() => useDraftStore.getState().applyBatch({ id: 'delta-after', ops: [{ type: 'setDataScope', roleId: MARKETER, dataScope: 4 }] }, 'Deltas'));
    await heldIsFresh(3, false);
  });
});
