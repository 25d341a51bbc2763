// @vitest-environment jsdom
import '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import { WUKONG_SUPER_USER_ID } from '../../../src-main/common/wukong';
import type { Api } from '../../../src-renderer/api/client';
import { en } from '../../../src-renderer/i18n/en';
import { AccessMapView } from '../../../src-renderer/features/heatmap/AccessMapView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { giveElementsASize } from '../support/jsdom';

let api: Api;
let inProcess: InProcessApi;
beforeAll(async () => {
  giveElementsASize(1200, 4000, 30); // tall enough for every demo row to be rendered
  inProcess = await installInProcessApi();
  api = inProcess.api;
  useSettingsStore.getState().setLocale('en');
});
afterAll(() => inProcess.dispose());
afterEach(cleanup);

const customerList = DEMO_FACTS.customerListPermissionId;
const cellOf = (userId: string, permissionId: string) =>
  document.querySelector<HTMLElement>(`[role="gridcell"][data-user="${userId}"][data-permission="${permissionId}"]`);

describe('access map colours', () => {
  it('colours each cell with the scope the engine computes (Li Lei: max of 2 and 3, not a union)', async () => {
    const sellers = (await api.call('org.view', { draftId: null })).users.filter((u) => u.roleIds.length === 1 && u.roleIds[0] === '180170');
    const people = [DEMO_FACTS.liLeiUserId, WUKONG_SUPER_USER_ID, DEMO_FACTS.activeUserWithoutRole, sellers[0]!.id];
    const expected = new Map<string, number>();
    for (const userId of people) expected.set(userId, (await api.call('access.explain', { draftId: null, userId, permissionId: customerList })).effectiveScope);
    // The people picked must disagree, or a grid painted one colour would pass.
    expect(new Set(expected.values()).size).toBe(people.length);
    expect(expected.get(DEMO_FACTS.liLeiUserId)).toBe(3);

    render(<AccessMapView />);
    await waitFor(() => expect(cellOf(DEMO_FACTS.liLeiUserId, customerList)).not.toBeNull(), { timeout: 15_000 });
    for (const [userId, scope] of expected) {
      const cell = cellOf(userId, customerList)!;
      expect(cell.className).toContain(`hm-s${scope}`);
      expect([...cell.classList].filter((c) => /^hm-s\d$/.test(c))).toEqual([`hm-s${scope}`]);
      // Colour is never the only cue: the cell names the scope for assistive tech and on hover.
      expect(cell.getAttribute('aria-label')).toContain(en[`scope.${scope as 0 | 1 | 2 | 3 | 4 | 5}`]);
    }
    expect(cellOf(DEMO_FACTS.liLeiUserId, customerList)!.getAttribute('aria-label')).toContain('Own department');
    expect(screen.getByRole('list', { name: 'Legend' }).textContent).toContain('Department tree');
  });

  it('the delta mode colours only what the draft changes: a move shows as a reach change on the same scope', async () => {
    const view = await api.call('org.view', { draftId: null });
    const liLei = view.users.find((u) => u.id === DEMO_FACTS.liLeiUserId)!;
    const east = view.users.find((u) => u.id === DEMO_FACTS.liLeiReportsInOtherDepartment[0])!.departmentId;
    render(<AccessMapView />);
    await waitFor(() => expect(cellOf(liLei.id, customerList)).not.toBeNull(), { timeout: 15_000 });
    await act(async () => {
      expect(await useDraftStore.getState().applyBatch({ id: 'move-li-lei', ops: [{ type: 'moveUsers', userIds: [liLei.id], departmentId: east }] }, 'Draft 1')).toBe(true);
    });
    fireEvent.click(screen.getByRole('radio', { name: 'Draft changes' }));
    await waitFor(() => expect(cellOf(liLei.id, customerList)!.className).toContain('hm-reach'), { timeout: 15_000 });
    const label = cellOf(liLei.id, customerList)!.getAttribute('aria-label')!;
    expect(label).toMatch(/sees [1-9]\d* more and [1-9]\d* fewer owners/);
    // Someone the move does not touch is not listed by default, and is uncoloured when everyone is shown.
    expect(cellOf(WUKONG_SUPER_USER_ID, customerList)).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Only people the draft changes' }));
    await waitFor(() => expect(cellOf(WUKONG_SUPER_USER_ID, customerList)!.className).toContain('hm-same'));
    expect(cellOf(liLei.id, customerList)!.className).toContain('hm-reach');
  });
});
