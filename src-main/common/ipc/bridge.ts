import type { Result } from './result';

/** What the preload puts on `window.gatehouse`: two functions, untyped on the wire, typed by the client. */
export interface GatehouseBridge {
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, listener: (payload: unknown) => void): () => void;
}
