// @vitest-environment jsdom
import '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FACTS } from '../../../src-main/common/generator';
import type { Api } from '../../../src-renderer/api/client';
import { DraftsView } from '../../../src-renderer/features/drafts/DraftsView';
import { useDraftStore } from '../../../src-renderer/stores/draftStore';
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

/** Picks a file in the view's file input, as a person would in the file dialog. */
async function pick(text: string, name = 'policy.yaml') {
  const files = screen.getByRole('region', { name: 'Policy files' });
  const input = within(files).getByLabelText('Import policy file') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/yaml' })] } });
  });
  return files;
}

describe('importing policy files in the drafts view', () => {
  it('shows a malformed file’s line and field and creates nothing; a good file becomes the selected draft', async () => {
    const draft = await api.call('drafts.create', { name: 'Source' });
    await api.call('drafts.apply', {
      draftId: draft.id,
      batch: { id: 'g', ops: [{ type: 'setDataScope', roleId: DEMO_FACTS.liLeiRoleIds[0], dataScope: 4 }] },
    });
    const { text } = await api.call('policy.export', { kind: 'draft', draftId: draft.id, locale: 'en' });
    const before = (await api.call('drafts.list', {})).drafts.length;
    render(<DraftsView />);

    const bad = text.replace('dataScope: 4', 'dataScope: 7');
    const line = bad.split('\n').findIndex((l) => l.includes('dataScope: 7')) + 1;
    const files = await pick(bad);
    // The main process reads the file in a worker thread; its first start (through tsx here) takes a moment.
    const alert = await within(files).findByRole('alert', {}, { timeout: 30_000 });
    expect(alert.textContent).toContain('The file was not imported: nothing changed.');
    expect(alert.textContent).toContain(`Line ${line}, gestures[0].operations[0].dataScope:`);
    expect((await api.call('drafts.list', {})).drafts.length).toBe(before);

    await pick(text);
    expect((await within(files).findByRole('status', {}, { timeout: 30_000 })).textContent).toBe('Imported as the new draft “Source” (1 changes).');
    const selected = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('button').find((b) => b.getAttribute('aria-current') === 'true')!;
    expect(selected.textContent).toContain('Source');
    expect((await api.call('drafts.list', {})).drafts.length).toBe(before + 1);
  });

  it('asks before a snapshot file replaces the base, and cancelling sends nothing', async () => {
    const { text } = await api.call('policy.export', { kind: 'snapshot', draftId: null, locale: 'en' });
    const versions = () => inProcess.services.session.workspaces.data(inProcess.services.workspace().id).listSnapshots().length;
    const count = versions();
    render(<DraftsView />);
    const files = await pick(text, 'snapshot.yaml');
    const ask = within(files).getByRole('alertdialog');
    expect(document.activeElement).toBe(within(ask).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }));
    expect(versions()).toBe(count);
  });

  it('moves through the draft list with the arrow keys', async () => {
    await act(() => useDraftStore.getState().load());
    render(<DraftsView />);
    const buttons = within(screen.getByRole('list', { name: 'Drafts' })).getAllByRole('button');
    expect(buttons.length).toBeGreaterThan(1);
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    fireEvent.keyDown(buttons[1]!, { key: 'End' });
    expect(document.activeElement).toBe(buttons.at(-1));
    fireEvent.keyDown(buttons.at(-1)!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
  });
});
