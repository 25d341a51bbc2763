// @vitest-environment jsdom
import '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { Api } from '../../../src-renderer/api/client';
import { DraftsView } from '../../../src-renderer/features/drafts/DraftsView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useFocusStore } from '../../../src-renderer/stores/focusStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';

let api: Api;
let inProcess: InProcessApi;
beforeAll(async () => {
  inProcess = await installInProcessApi();
  api = inProcess.api;
  useSettingsStore.getState().setLocale('en');
});
afterAll(() => inProcess.dispose());
afterEach(cleanup);

const list = () => screen.getByRole('list', { name: 'Drafts' });
const draftButton = (name: RegExp) => within(list()).getByRole('button', { name });

describe('drafts view', () => {
  it('creates, renames, duplicates and discards drafts (discard asks first, focus on Cancel)', async () => {
    render(<DraftsView />);
    fireEvent.change(screen.getByRole('textbox', { name: 'New draft name' }), { target: { value: 'Quarterly review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create draft' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Quarterly review' })).toBeTruthy();
    expect(draftButton(/Quarterly review/).getAttribute('aria-current')).toBe('true');

    // The list may still be settling from the create (store refreshes); open the rename form once it stays open.
    const nameBox = await waitFor(() => {
      if (!screen.queryByRole('textbox', { name: 'Draft name' })) fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
      return screen.getByRole('textbox', { name: 'Draft name' });
    });
    fireEvent.change(nameBox, { target: { value: 'Q3 review' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Q3 review' })).toBeTruthy();
    expect((await api.call('drafts.list', {})).drafts.map((d) => d.name)).toContain('Q3 review');

    fireEvent.click(screen.getByRole('button', { name: 'Duplicate' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Q3 review (copy)' })).toBeTruthy();

    // The duplicate's heading can show before the list answer re-renders the view; a click on the button it replaces
    // is lost, so click until the confirmation is there (as the rename above does).
    const confirm = await waitFor(() => {
      if (!screen.queryByRole('alertdialog')) fireEvent.click(screen.getByRole('button', { name: 'Discard…' }));
      return screen.getByRole('alertdialog');
    });
    expect(confirm.textContent).toContain('Discard draft “Q3 review (copy)” and its 0 changes?');
    expect(document.activeElement).toBe(within(confirm).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(confirm).getByRole('button', { name: 'Discard draft' }));
    await waitFor(() => expect(within(list()).queryByRole('button', { name: /\(copy\)/ })).toBeNull());
    expect((await api.call('drafts.list', {})).drafts.map((d) => d.name)).not.toContain('Q3 review (copy)');
    expect(screen.getByText('Pick a draft on the left to review it.')).toBeTruthy();
  });

  it('lists the changes in words, the impact and the lints, and reverts one change unless another depends on it', async () => {
    const base = inProcess.services.drafts().projection(null).snapshot;
    const sales = base.roles.find((r) => r.id === DEMO_FACTS.liLeiRoleIds[0])!;
    const listAction = base.permissions.find((p) => p.id === DEMO_FACTS.customerListPermissionId)!;
    const draft = await api.call('drafts.create', { name: 'New auditors' });
    await api.call('drafts.apply', {
      draftId: draft.id,
      batch: { id: 'make', ops: [{ type: 'createRole', roleId: 'new-role:aud', name: 'Temp auditors', groupId: sales.groupId, dataScope: 1, permissionIds: [] }] },
    });
    await api.call('drafts.apply', { draftId: draft.id, batch: { id: 'grant', ops: [{ type: 'grantPermissions', roleIds: ['new-role:aud'], permissionIds: [listAction.id] }] } });
    await act(() => useDraftStore.getState().activate(draft.id));

    render(<DraftsView />);
    const changes = await screen.findByRole('region', { name: 'Changes in plain language' });
    await within(changes).findByText('New role "Temp auditors"');
    expect(within(changes).getByText(/^"Temp auditors" gains ".*›.*"$/)).toBeTruthy();
    expect(within(changes).getByRole('heading', { name: 'Roles' })).toBeTruthy();

    // The new role has no members: nobody's access changes, and the engine notes the empty role as new.
    const impact = screen.getByRole('region', { name: 'Impact if pushed' });
    expect(within(impact).getByText('Nobody’s access changes.')).toBeTruthy();
    const checks = screen.getByRole('region', { name: 'Checks' });
    const finding = within(checks).getByText('Role "Temp auditors" has no members.').closest('li')!;
    expect(within(finding).getByText('new in this draft')).toBeTruthy();
    expect(within(checks).getAllByRole('heading', { level: 4 }).map((h) => h.textContent)).toEqual(expect.arrayContaining([expect.stringMatching(/^Warnings \(\d+\)$/), expect.stringMatching(/^Notes \(\d+\)$/)]));

    // Jump from a finding to the role matrix, with the role as the target.
    fireEvent.click(within(finding).getByRole('button', { name: 'Show in role matrix' }));
    expect(useFocusStore.getState().target).toEqual({ kind: 'role', id: 'new-role:aud' });
    expect(location.hash).toBe('#/roles');

    // The grant needs the role: reverting the creation is refused and says why; nothing changes.
    fireEvent.click(within(changes).getByRole('button', { name: 'Revert change 1: New role "Temp auditors"' }));
    const refusal = await within(changes).findByRole('alert');
    expect(refusal.textContent).toContain('Change 1 cannot be reverted: later changes depend on it.');
    expect(refusal.textContent).toContain('Change 2 (');
    expect((await api.call('drafts.batches', { draftId: draft.id })).batches).toHaveLength(2);

    // The grant itself can go; then the list shows only the creation.
    fireEvent.click(within(changes).getByRole('button', { name: /^Revert change 2: "Temp auditors" gains/ }));
    expect((await within(changes).findByRole('status')).textContent).toBe('Change 2 was taken out of the draft.');
    await waitFor(() => expect(within(changes).queryByText(/gains/)).toBeNull());
    expect((await api.call('drafts.batches', { draftId: draft.id })).batches.map((b) => b.id)).toEqual(['make']);
  });

  it('shows a grant’s impact per permission, in Chinese too', async () => {
    const base = inProcess.services.drafts().projection(null).snapshot;
    const role = base.roles.find((r) => r.id === DEMO_FACTS.liLeiRoleIds[0])!;
    const members = base.users.filter((u) => u.roleIds.includes(role.id));
    const free = base.permissions.find((p) => p.kind === 'action' && p.key.startsWith('crm:') && !role.permissionIds.includes(p.id) && !members.some((u) => u.roleIds.some((id) => base.roles.find((r) => r.id === id)!.permissionIds.includes(p.id))))!;
    const draft = await api.call('drafts.create', { name: '扩大权限' });
    await api.call('drafts.apply', { draftId: draft.id, batch: { id: 'g', ops: [{ type: 'grantPermissions', roleIds: [role.id], permissionIds: [free.id] }] } });
    await act(() => useDraftStore.getState().activate(draft.id));
    act(() => useSettingsStore.getState().setLocale('zh-CN'));

    render(<DraftsView />);
    const impact = await screen.findByRole('region', { name: '推送后的影响' });
    const n = members.length;
    await within(impact).findByText(n === 1 ? '影响 1 人' : `影响 ${n} 人`);
    expect(within(impact).getByRole('listitem').textContent).toMatch(new RegExp(`^${n} 人获得「.+」$`));
    act(() => useSettingsStore.getState().setLocale('en'));
  });
});
