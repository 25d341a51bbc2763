import { create } from 'zustand';
import { ApiError } from '../api/client';

export type Resource<T> =
  | { status: 'idle' | 'loading'; data: T | null; error: null }
  | { status: 'ready'; data: T; error: null }
  | { status: 'error'; data: T | null; error: { code: string; message: string } };

export interface ResourceState<T> {
  resource: Resource<T>;
  /** Loads (or reloads) from the main process; concurrent calls share one request. */
  load(): Promise<void>;
}

/** A store slice for data owned by the main process: the renderer only caches what it shows. */
export function createResourceStore<T>(fetch: () => Promise<T>) {
  let inflight: Promise<void> | null = null;
  return create<ResourceState<T>>((set, get) => ({
    resource: { status: 'idle', data: null, error: null },
    load() {
      inflight ??= (async () => {
        set({ resource: { status: 'loading', data: get().resource.data, error: null } });
        try {
          set({ resource: { status: 'ready', data: await fetch(), error: null } });
        } catch (error) {
          const e = error instanceof ApiError ? error.error : { code: 'INTERNAL', message: String((error as Error).message ?? error) };
          set({ resource: { status: 'error', data: get().resource.data, error: e } });
        } finally {
          inflight = null;
        }
      })();
      return inflight;
    },
  }));
}
