// @vitest-environment jsdom
import '../support/jsdom';
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../../src-main/common/ipc';
import { ApiError, setApi, type Api } from '../../../src-renderer/api/client';
import { queryClient, type ServerData } from '../../../src-renderer/api/serverCache';
import { LoadState } from '../../../src-renderer/components/LoadState';
import { RoleMatrixView } from '../../../src-renderer/features/role-matrix/RoleMatrixView';
import { useSettingsStore } from '../../../src-renderer/stores/settingsStore';

/** Views that show a failed ask word it by its code and details, in the reader's language, not the main process's English. */
const NO_SNAPSHOT: AppErrorData = { code: 'NOT_FOUND', message: 'this workspace has no snapshot yet: connect to the CRM and pull' };
const failedLoad = (error: AppErrorData): ServerData<never> => ({ data: null, shown: null, error, loading: false, revision: -1, retry: async () => undefined });

beforeEach(() => {
  setApi({ transport: 'browser', call: (() => Promise.reject(new ApiError(NO_SNAPSHOT))) as Api['call'], on: () => () => undefined });
});
afterEach(() => {
  cleanup();
  queryClient.clear();
});

describe('errors in words', () => {
  it('LoadState says the code’s sentence to a Chinese reader, the original after it', () => {
    act(() => useSettingsStore.getState().setLocale('zh-CN'));
    render(<LoadState resource={failedLoad(NO_SNAPSHOT)}>{() => null}</LoadState>);
    expect(screen.getByRole('alert').textContent).toContain('出错了：未找到，可能已被删除。 Gatehouse 原文：this workspace has no snapshot yet');
  });

  it('LoadState words a connector failure from its details in both languages', () => {
    const lost: AppErrorData = { code: 'REMOTE', message: 'session lost twice', details: { kind: 'connector', code: 'SESSION_LOST' } };
    act(() => useSettingsStore.getState().setLocale('en'));
    const { rerender } = render(<LoadState resource={failedLoad(lost)}>{() => null}</LoadState>);
    expect(screen.getByRole('alert').textContent).toContain('The server session was lost and logging in again did not bring it back.');
    act(() => useSettingsStore.getState().setLocale('zh-CN'));
    rerender(<LoadState resource={failedLoad(lost)}>{() => null}</LoadState>);
    expect(screen.getByRole('alert').textContent).toContain('服务器会话丢失，重新登录后仍未恢复。');
  });

  it('the role matrix that cannot load says why in the reader’s language', async () => {
    act(() => useSettingsStore.getState().setLocale('zh-CN'));
    render(<RoleMatrixView />);
    expect((await screen.findByRole('alert')).textContent).toBe('未找到，可能已被删除。 Gatehouse 原文：this workspace has no snapshot yet: connect to the CRM and pull');
  });
});
