// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../src-renderer/api/client';
import { DraftBar } from '../../../src-renderer/features/drafts/DraftBar';
import { DraftsView } from '../../../src-renderer/features/drafts/DraftsView';
import { RoleMatrixView } from '../../../src-renderer/features/role-matrix/RoleMatrixView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { cell } from '../role-matrix/gridQueries';

// The draft's life in the console: a pushed draft is read-only (Undo off, with the reason), the next edit starts
// a new draft and says so; a rollback draft opens for review with its banner and takes no ordinary edits.
const SALES = '180170'; // 销售员角色
const CUSTOMER_MODULE = '10';

let api: Api;
let inProcess: InProcessApi;
beforeAll(async () => {
  giveElementsASize();
  inProcess = await installInProcessApi();
  api = inProcess.api;
});
afterAll(() => inProcess.dispose());
beforeEach(() => useSettingsStore.getState().setLocale('en'));
afterEach(cleanup);

const data = () => inProcess.services.session.workspaces.data(inProcess.services.workspace().id);
const scopeGesture = (id: string, dataScope: 1 | 2 | 3 | 4 | 5) => ({ id, ops: [{ type: 'setDataScope' as const, roleId: SALES, dataScope }] });
/** A draft with one gesture and a push journal made from it (what "Push" records before the first call). */
async function pushedDraft(name: string) {
  const draft = await api.call('drafts.create', { name });
  await api.call('drafts.apply', { draftId: draft.id, batch: scopeGesture(`${name}-g1`, 3) });
  const journal = data().planPush({ draftId: draft.id, plan: { plannedOnVersion: draft.baseVersion, ops: [] }, calls: [] });
  return { draft, pushId: journal.id };
}
const summary = async (id: string) => (await api.call('drafts.list', {})).drafts.find((d) => d.id === id)!;

async function paintOneCell() {
  const grid = await screen.findByRole('grid', { name: 'Permissions matrix' });
  fireEvent.change(screen.getByRole('combobox', { name: 'Module' }), { target: { value: CUSTOMER_MODULE } });
  fireEvent.change(screen.getByRole('searchbox', { name: 'Search roles' }), { target: { value: '销售员角色' } });
  fireEvent.pointerDown(cell(grid, 'Lock / unlock', SALES), { button: 0, pointerId: 1 });
  fireEvent.pointerUp(cell(grid, 'Lock / unlock', SALES), { pointerId: 1 });
}

describe('a pushed draft in the console', () => {
  it('turns Undo and Redo off with the reason, and the next edit starts a new draft with a notice', async () => {
    const { draft } = await pushedDraft('Sales scope');
    await act(() => useDraftStore.getState().activate(draft.id));
    render(
      <>
        <DraftBar />
        <RoleMatrixView />
      </>,
    );
    const bar = screen.getByRole('group', { name: 'Draft' });
    const undo = within(bar).getByRole('button', { name: 'Undo' });
    await waitFor(() => expect(within(bar).getByTestId('active-draft').textContent).toContain('Sales scope'));
    expect((undo as HTMLButtonElement).disabled).toBe(true);
    expect(undo.title).toMatch(/^“Sales scope” was pushed on .+: undo and redo would rewrite what was sent/);
    const reason = document.getElementById(undo.getAttribute('aria-describedby')!)!;
    expect(reason.textContent).toContain('Pushed · read-only');
    expect(reason.textContent).toContain('undo and redo would rewrite what was sent');
    // Ctrl+Z does nothing to it either.
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect((await summary(draft.id)).appliedCount).toBe(1);

    await paintOneCell();
    const notice = await screen.findByTestId('new-draft-notice');
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.textContent).toContain('“Sales scope” was pushed and is read-only, so your edit started a new draft “Role matrix edits”.');
    const active = useDraftStore.getState().activeDraft()!;
    expect(active).toMatchObject({ name: 'Role matrix edits', appliedCount: 1, readOnly: false });
    expect(await summary(draft.id)).toMatchObject({ appliedCount: 1, batchCount: 1, readOnly: true });
    // Undo now works again, on the new draft.
    await waitFor(() => expect((within(bar).getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('new-draft-notice')).toBeNull();
  });

  it('the drafts view says the draft was pushed and offers no revert', async () => {
    const { draft } = await pushedDraft('Pushed for review');
    await act(() => useDraftStore.getState().activate(draft.id));
    render(<DraftsView />);
    expect(await screen.findByRole('heading', { level: 2, name: 'Pushed for review' })).toBeTruthy();
    expect((await screen.findByTestId('draft-readonly-note')).textContent).toMatch(/^Pushed on .+ \(not finished\)\. This draft is the record of what was sent/);
    const revert = await screen.findByRole('button', { name: /^Revert change 1/ });
    expect((revert as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('a rollback draft in the console', () => {
  it('opens for review with its banner (both languages), and an edit while it is shown goes to a new draft', async () => {
    const { pushId } = await pushedDraft('Wider sales scope');
    await act(() => useDraftStore.getState().load());
    render(
      <>
        <DraftBar />
        <DraftsView />
      </>,
    );
    // What "Roll back this push…" does in the main process: the inverse as a new draft, marked with its origin.
    const made = inProcess.services.drafts().createFrom('Rollback · 回滚 test', [scopeGesture('inverse', 1)], { origin: { kind: 'rollback', pushId } });
    expect(made.created).toBe(true);
    const banner = await screen.findByTestId('rollback-banner');
    expect(screen.getByRole('heading', { level: 2, name: 'Rollback · 回滚 test' })).toBeTruthy();
    expect(banner.textContent).toMatch(/^Rollback draft: This draft undoes the push of .+ \(draft “Wider sales scope”\) — review it, then push it from the Push view\./);
    expect(within(banner).getByRole('link', { name: 'Open the Push view' }).getAttribute('href')).toBe('#/sync');
    act(() => useSettingsStore.getState().setLocale('zh-CN'));
    expect(screen.getByTestId('rollback-banner').textContent).toMatch(/此草稿撤销 .+ 的推送（草稿“Wider sales scope”）——请先审阅，然后在“推送”视图中推送。/);
    act(() => useSettingsStore.getState().setLocale('en'));
    cleanup();

    // Shown in the views, it is not where a matrix edit goes.
    const rollbackId = made.created ? made.draft.id : '';
    await act(() => useDraftStore.getState().activate(rollbackId));
    render(
      <>
        <DraftBar />
        <RoleMatrixView />
      </>,
    );
    await paintOneCell();
    const notice = await screen.findByTestId('new-draft-notice');
    expect(notice.textContent).toMatch(/^“Rollback · 回滚 test” is a rollback draft, kept exactly as it was made, so your edit started a new draft “Role matrix edits( \d+)?”\./);
    expect(useDraftStore.getState().activeDraftId).not.toBe(rollbackId);
    expect((await summary(rollbackId)).appliedCount).toBe(1);
  });
});
