// @vitest-environment jsdom
import { giveElementsASize } from '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Api } from '../../../src-renderer/api/client';
import { DraftBar } from '../../../src-renderer/features/drafts/DraftBar';
import { DraftProblemBanner } from '../../../src-renderer/features/drafts/DraftProblemBanner';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';

// A refusal the main process makes (its message is English) reaches a Chinese reader in Chinese: the console words
// it from the structured details, by code. Before, the draft bar showed the main process's English message.
const SALES = '180170'; // 销售员角色

let api: Api;
let inProcess: InProcessApi;
beforeAll(async () => {
  giveElementsASize();
  inProcess = await installInProcessApi();
  api = inProcess.api;
});
afterAll(() => inProcess.dispose());
beforeEach(() => useSettingsStore.getState().setLocale('zh-CN'));
afterEach(cleanup);

const data = () => inProcess.services.session.workspaces.data(inProcess.services.workspace().id);

describe('a main-process refusal in zh-CN', () => {
  it('says in Chinese that nothing was undone because the draft was pushed meanwhile', async () => {
    const draft = await api.call('drafts.create', { name: '销售范围' });
    await api.call('drafts.apply', { draftId: draft.id, batch: { id: 'zh-g1', ops: [{ type: 'setDataScope', roleId: SALES, dataScope: 3 }] } });
    await act(() => useDraftStore.getState().activate(draft.id));
    render(
      <>
        <DraftBar />
        <DraftProblemBanner />
      </>,
    );
    const bar = screen.getByRole('group', { name: '草稿' });
    const undo = within(bar).getByRole('button', { name: '撤销' });
    await waitFor(() => expect((undo as HTMLButtonElement).disabled).toBe(false));

    // Pushed from elsewhere after the console read the list: the console still offers Undo, the main process refuses.
    data().planPush({ draftId: draft.id, plan: { plannedOnVersion: draft.baseVersion, ops: [] }, calls: [] });
    fireEvent.click(undo);

    const alert = await within(bar).findByRole('alert');
    expect(alert.textContent).toMatch(/^未撤销任何内容：此草稿已推送（\d{4}-\d\d-\d\d \d\d:\d\d UTC），是已发送内容的记录，只读。/);
    expect(alert.textContent).not.toMatch(/[A-Za-z]{4,}/); // no English sentence left in it (UTC aside)
    expect(screen.getByTestId('draft-refusal').textContent).toContain('未撤销任何内容');
    expect((await api.call('drafts.list', {})).drafts.find((d) => d.id === draft.id)).toMatchObject({ appliedCount: 1, readOnly: true });
  });

  it('gives each broken CRM rule of a refused gesture in Chinese, with the code WukongCRM would answer', async () => {
    const draft = await api.call('drafts.create', { name: '重名' });
    await act(() => useDraftStore.getState().activate(draft.id));
    render(<DraftProblemBanner />);
    const { roles } = inProcess.services.drafts().projection(draft.id).snapshot;
    const sales = roles.find((r) => r.id === SALES)!;
    const other = roles.find((r) => r.id !== SALES && r.groupId === sales.groupId && !r.remark)!;
    // Renaming a role to a name its role type already has breaks WukongCRM's rule 1117.
    const ok = await act(() => useDraftStore.getState().applyBatch({ id: 'zh-r1', ops: [{ type: 'renameRole', roleId: other.id, name: sales.name }] }, '重名'));
    expect(ok).toBe(false);
    const banner = await screen.findByTestId('draft-refusal');
    expect(banner.textContent).toContain('被 CRM 规则拒绝，未记录任何修改。');
    expect(banner.textContent).toContain('（悟空CRM 会返回 1117）');
    expect(banner.textContent).toContain(sales.name);
  });
});
