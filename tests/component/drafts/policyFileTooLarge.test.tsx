// @vitest-environment jsdom
import '../support/jsdom';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { MAX_POLICY_FILE_BYTES } from '../../../src-main/common/ipc';
import { DraftsView } from '../../../src-renderer/features/drafts/DraftsView';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';
import { installInProcessApi, type InProcessApi } from '../support/inProcessApi';

// Issue 13: a picked file went to the main process unchecked, and a 3M-character Chinese file (9 MB) was over
// the socket's limit: the host died. The console now refuses it before reading or sending it, in words.
let inProcess: InProcessApi;
beforeAll(async () => {
  inProcess = await installInProcessApi();
});
afterAll(() => inProcess.dispose());
afterEach(cleanup);

async function pick(file: File, region = 'Policy files') {
  const files = screen.getByRole('region', { name: region });
  const input = files.querySelector('input[type="file"]') as HTMLInputElement;
  await act(async () => {
    fireEvent.change(input, { target: { files: [file] } });
  });
  return files;
}

describe('a policy file over the size limit', () => {
  it.each([
    ['en', 'The file “big.yaml” was not imported: it is 8.6 MB, and a policy file can be at most 6.0 MB. Nothing changed.'],
    ['zh-CN', '文件「big.yaml」未导入：文件大小为 8.6 MB，策略文件最大为 6.0 MB。没有任何改动。'],
  ] as const)('is refused before it is sent, in %s', async (locale, words) => {
    useSettingsStore.getState().setLocale(locale);
    const calls = vi.spyOn(inProcess.api, 'call');
    render(<DraftsView />);
    const big = new File(['权'.repeat(3_000_000)], 'big.yaml', { type: 'application/yaml' });
    expect(big.size).toBe(9_000_000);
    const files = await pick(big, locale === 'en' ? 'Policy files' : '策略文件');
    expect((await within(files).findByRole('alert')).textContent).toBe(words);
    expect(calls.mock.calls.filter(([channel]) => channel === 'policy.import')).toEqual([]);
    calls.mockRestore();
  });

  it('a file at the limit is still sent (and judged by the main process)', async () => {
    useSettingsStore.getState().setLocale('en');
    const calls = vi.spyOn(inProcess.api, 'call');
    render(<DraftsView />);
    const files = await pick(new File(['#'.repeat(MAX_POLICY_FILE_BYTES)], 'edge.yaml', { type: 'application/yaml' }));
    // Judged in the main process's worker thread: a 6 MB file and the worker's first start take a moment.
    await within(files).findByRole('alert', {}, { timeout: 30_000 });
    expect(calls.mock.calls.filter(([channel]) => channel === 'policy.import')).toHaveLength(1);
    calls.mockRestore();
  });
});
