// @vitest-environment jsdom
import '../support/jsdom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import { AccessMapView } from '../../../src-renderer/features/heatmap/AccessMapView';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { giveElementsASize } from '../support/jsdom';

let inProcess: InProcessApi;
beforeAll(async () => {
  giveElementsASize(1200, 4000, 30);
  inProcess = await installInProcessApi();
  useSettingsStore.getState().setLocale('en');
});
afterAll(() => inProcess.dispose());
afterEach(cleanup);

describe('access map from the keyboard', () => {
  it('arrows move one focus through the cells, focus explains the cell, Enter opens the person with its why', async () => {
    const { api } = inProcess;
    render(<AccessMapView />);
    const grid = await screen.findByRole('grid', {}, { timeout: 15_000 });
    // Exactly one cell is in the tab order (roving focus), so the map is one Tab stop, not hundreds.
    await waitFor(() => expect(grid.querySelectorAll('[role="gridcell"][tabindex="0"]')).toHaveLength(1));
    const start = grid.querySelector<HTMLElement>(`[role="gridcell"][data-user="${DEMO_FACTS.liLeiUserId}"][data-col="0"]`)!;
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    const focused = document.activeElement as HTMLElement;
    expect(focused.dataset.user).toBe(DEMO_FACTS.liLeiUserId);
    expect(focused.dataset.col).toBe('2');
    expect(focused.dataset.permission).toBe(DEMO_FACTS.customerListPermissionId);

    // Focus asks the engine why: the strip shows the same consequence access.explain gives.
    const why = await api.call('access.explain', { draftId: null, userId: DEMO_FACTS.liLeiUserId, permissionId: DEMO_FACTS.customerListPermissionId });
    await waitFor(() => expect(screen.getByTestId('heatmap-explanation').textContent).toContain(why.consequence.en));

    fireEvent.keyDown(focused, { key: 'Enter' });
    const panel = await screen.findByRole('complementary', { name: /^Person: / });
    await waitFor(() => expect(within(panel).getByTestId('why-consequence').textContent).toBe(why.consequence.en));
  });
});
