// @vitest-environment jsdom
import '../support/jsdom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../../src-renderer/api/client';
import { OrganisationView } from '../../../src-renderer/features/org-tree/OrganisationView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { giveElementsASize } from '../support/jsdom';

let api: Api;
let inProcess: InProcessApi;
beforeAll(async () => {
  giveElementsASize(1200, 900, 30);
  inProcess = await installInProcessApi();
  api = inProcess.api;
  useSettingsStore.getState().setLocale('en');
});
afterAll(() => inProcess.dispose());
afterEach(cleanup);

const lastOps = async () => {
  const { batches } = await api.call('drafts.batches', { draftId: useDraftStore.getState().activeDraftId! });
  return batches.at(-1)!.ops;
};

describe('department actions (the keyboard way to edit the tree)', () => {
  it('creates, renames and deletes a sub-department, each as one draft gesture', async () => {
    const { departments } = await api.call('org.view', { draftId: null });
    const parent = departments.find((d) => d.parentId !== null)!;
    render(<OrganisationView />);
    const tree = await screen.findByRole('tree', { name: 'Departments' });
    fireEvent.click(within(tree).getByRole('button', { name: new RegExp(`^${parent.name}`) }));
    const actions = screen.getByRole('group', { name: 'Department actions' });

    fireEvent.click(within(actions).getByRole('button', { name: 'New sub-department' }));
    fireEvent.change(within(actions).getByLabelText('Name'), { target: { value: '北区' } });
    fireEvent.click(within(actions).getByRole('button', { name: 'Apply' }));
    await waitFor(async () => expect((await lastOps())[0]).toMatchObject({ type: 'createDepartment', parentId: parent.id, name: '北区' }));
    const created = ((await lastOps())[0] as { departmentId: string }).departmentId;

    const node = await within(tree).findByRole('button', { name: /^北区/ });
    fireEvent.click(node);
    fireEvent.click(within(screen.getByRole('group', { name: 'Department actions' })).getByRole('button', { name: 'Rename' }));
    fireEvent.change(screen.getByLabelText('Name'), { target: { value: '北方区' } });
    fireEvent.click(screen.getByRole('button', { name: 'Apply' }));
    await waitFor(async () => expect(await lastOps()).toEqual([{ type: 'renameDepartment', departmentId: created, name: '北方区' }]));

    await within(tree).findByRole('button', { name: /^北方区/ });
    fireEvent.click(within(screen.getByRole('group', { name: 'Department actions' })).getByRole('button', { name: 'Delete' }));
    await waitFor(async () => expect(await lastOps()).toEqual([{ type: 'deleteDepartment', departmentId: created }]));
    await waitFor(() => expect(within(tree).queryByRole('button', { name: /^北方区/ })).toBeNull());
  });

  it('refuses to delete a department that still has people (WukongCRM 1111) and records nothing', async () => {
    const { departments, users } = await api.call('org.view', { draftId: useDraftStore.getState().activeDraftId });
    const populated = departments.find((d) => d.parentId !== null && users.some((u) => u.departmentId === d.id) && !departments.some((c) => c.parentId === d.id))!;
    const before = (await api.call('drafts.batches', { draftId: useDraftStore.getState().activeDraftId! })).batches.length;
    render(<OrganisationView />);
    const tree = await screen.findByRole('tree', { name: 'Departments' });
    fireEvent.click(within(tree).getByRole('button', { name: new RegExp(`^${populated.name}`) }));
    fireEvent.click(within(screen.getByRole('group', { name: 'Department actions' })).getByRole('button', { name: 'Delete' }));
    const refusal = await screen.findByText('Refused by the CRM’s rules: nothing was recorded.');
    expect(refusal.closest('[role="alert"]')!.textContent).toMatch(/1111/);
    expect(refusal.closest('[role="alert"]')!.textContent).toContain(populated.name);
    expect((await api.call('drafts.batches', { draftId: useDraftStore.getState().activeDraftId! })).batches).toHaveLength(before);
  });
});
