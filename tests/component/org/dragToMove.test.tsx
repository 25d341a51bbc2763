// @vitest-environment jsdom
import '../support/jsdom';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { Api } from '../../../src-renderer/api/client';
import { OrganisationView } from '../../../src-renderer/features/org-tree/OrganisationView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';
import { dataTransfer, giveElementsASize } from '../support/jsdom';

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

async function batchesOfActiveDraft() {
  const draftId = useDraftStore.getState().activeDraftId;
  expect(draftId).not.toBeNull();
  return (await api.call('drafts.batches', { draftId: draftId! })).batches;
}

describe('organisation view: drag and drop makes draft operations', () => {
  it('dropping a person on a department records a moveUsers operation in the draft', async () => {
    const tree = await api.call('org.view', { draftId: null });
    const liLei = tree.users.find((u) => u.id === DEMO_FACTS.liLeiUserId)!;
    const target = tree.departments.find((d) => d.id !== liLei.departmentId && d.parentId !== null)!;
    render(<OrganisationView />);

    // Select Li Lei's department so his row is in the people table, then drag his name onto the target.
    const departments = await screen.findByRole('tree', { name: 'Departments' });
    const sourceDept = tree.departments.find((d) => d.id === liLei.departmentId)!;
    fireEvent.click(within(departments).getByRole('button', { name: new RegExp(`^${sourceDept.name}`) }));
    const people = screen.getByRole('table', { name: 'People' });
    // The draggable name (李雷 is also in the manager column of his reports).
    const name = await waitFor(() => people.querySelector<HTMLElement>(`.person-drag[data-user-id="${liLei.id}"]`)!);
    expect(name.textContent).toBe(liLei.name);
    const transfer = dataTransfer();
    fireEvent.dragStart(name, { dataTransfer: transfer });
    const drop = within(departments).getByRole('button', { name: new RegExp(`^${target.name}`) });
    fireEvent.dragOver(drop, { dataTransfer: transfer });
    fireEvent.drop(drop, { dataTransfer: transfer });

    await waitFor(async () => {
      const batches = await batchesOfActiveDraft();
      expect(batches).toHaveLength(1);
      expect(batches[0]!.ops).toEqual([{ type: 'moveUsers', userIds: [liLei.id], departmentId: target.id }]);
    });
    // The view now shows the draft's projection: Li Lei sits in the target department.
    const view = await api.call('org.view', { draftId: useDraftStore.getState().activeDraftId });
    expect(view.users.find((u) => u.id === liLei.id)!.departmentId).toBe(target.id);
    const base = await api.call('org.view', { draftId: null });
    expect(base.users.find((u) => u.id === liLei.id)!.departmentId).toBe(liLei.departmentId);
  });

  it('a department dropped into its own subtree is refused with the server code, and nothing is recorded', async () => {
    const tree = await api.call('org.view', { draftId: null });
    const child = tree.departments.find((d) => d.parentId !== null && tree.departments.some((c) => c.parentId === d.id))!;
    const grandchild = tree.departments.find((d) => d.parentId === child.id)!;
    const before = (await batchesOfActiveDraft()).length;
    render(<OrganisationView />);
    const departments = await screen.findByRole('tree', { name: 'Departments' });
    const transfer = dataTransfer();
    fireEvent.dragStart(within(departments).getByRole('button', { name: new RegExp(`^${child.name}`) }), { dataTransfer: transfer });
    const drop = within(departments).getByRole('button', { name: new RegExp(`^${grandchild.name}`) });
    fireEvent.dragOver(drop, { dataTransfer: transfer });
    fireEvent.drop(drop, { dataTransfer: transfer });

    const alert = await screen.findByText('Refused by the CRM’s rules: nothing was recorded.');
    expect(alert.closest('[role="alert"]')!.textContent).toContain('1110');
    expect(await batchesOfActiveDraft()).toHaveLength(before);
  });

  it('dropping a person on another sets the manager; the keyboard "Move to…" does the same as a drag', async () => {
    const tree = await api.call('org.view', { draftId: null });
    const person = tree.users.find((u) => u.id === DEMO_FACTS.liLeiReportsInOtherDepartment[0])!;
    const newManager = tree.users.find((u) => u.id !== person.id && u.id !== person.managerId && u.departmentId === person.departmentId)!;
    render(<OrganisationView />);
    const departments = await screen.findByRole('tree', { name: 'Departments' });
    const dept = tree.departments.find((d) => d.id === person.departmentId)!;
    fireEvent.click(within(departments).getByRole('button', { name: new RegExp(`^${dept.name}`) }));
    const people = screen.getByRole('table', { name: 'People' });
    const transfer = dataTransfer();
    fireEvent.dragStart(await waitFor(() => people.querySelector<HTMLElement>(`.person-drag[data-user-id="${person.id}"]`)!), { dataTransfer: transfer });
    const target = people.querySelector<HTMLElement>(`.person-drag[data-user-id="${newManager.id}"]`)!;
    fireEvent.dragOver(target, { dataTransfer: transfer });
    fireEvent.drop(target, { dataTransfer: transfer });
    await waitFor(async () => expect((await batchesOfActiveDraft()).at(-1)!.ops).toEqual([{ type: 'setManager', userId: person.id, managerId: newManager.id }]));

    // Keyboard: open the person (Enter on the row), pick a department in "Move to…", apply.
    const row = people.querySelector(`.person-drag[data-user-id="${person.id}"]`)!.closest('tr')!;
    fireEvent.keyDown(row, { key: 'Enter' });
    const panel = await screen.findByRole('complementary', { name: `Person: ${person.name}` });
    const elsewhere = tree.departments.find((d) => d.id !== person.departmentId)!;
    fireEvent.change(within(panel).getByLabelText('Move to…'), { target: { value: elsewhere.id } });
    fireEvent.click(within(panel).getAllByRole('button', { name: 'Apply' })[0]!);
    await waitFor(async () => expect((await batchesOfActiveDraft()).at(-1)!.ops).toEqual([{ type: 'moveUsers', userIds: [person.id], departmentId: elsewhere.id }]));
  });

  it('dropping a role on a department gives it to everyone there (and below) who lacks it, in one gesture', async () => {
    const view = await api.call('org.view', { draftId: useDraftStore.getState().activeDraftId });
    const parent = view.departments.find((d) => d.parentId !== null && view.departments.some((c) => c.parentId === d.id))!;
    const below = new Set([parent.id, ...view.departments.filter((d) => d.parentId === parent.id).map((d) => d.id)]);
    const role = view.roles.find((r) => r.name === '华东区销售主管')!;
    const expected = view.users.filter((u) => below.has(u.departmentId) && !u.roleIds.includes(role.id)).map((u) => u.id);
    expect(expected.length).toBeGreaterThan(1);
    render(<OrganisationView />);
    const departments = await screen.findByRole('tree', { name: 'Departments' });
    const chip = document.querySelector<HTMLElement>(`.role-chip[data-role-id="${role.id}"]`)!;
    const transfer = dataTransfer();
    fireEvent.dragStart(chip, { dataTransfer: transfer });
    const drop = within(departments).getByRole('button', { name: new RegExp(`^${parent.name}`) });
    fireEvent.dragOver(drop, { dataTransfer: transfer });
    fireEvent.drop(drop, { dataTransfer: transfer });
    await waitFor(async () => {
      const op = (await batchesOfActiveDraft()).at(-1)!.ops[0] as { type: string; userIds: string[]; roleIds: string[] };
      expect(op.type).toBe('assignRoles');
      expect(op.roleIds).toEqual([role.id]);
      expect([...op.userIds].sort()).toEqual([...expected].sort());
    });
  });
});
