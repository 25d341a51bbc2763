import type { Result } from '../../src-main/common/ipc';

/** How the renderer reaches the main process: Electron's preload bridge or the browser host's WebSocket. */
export interface Transport {
  readonly kind: 'electron' | 'browser';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
