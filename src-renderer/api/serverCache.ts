import { keepPreviousData, QueryClient, useQuery } from '@tanstack/react-query';
import { useCallback, useSyncExternalStore } from 'react';
import type { AppErrorData, ChannelInput, ChannelName, ChannelOutput, WorkspaceChangeReason } from '../../src-main/common/ipc';
import { reloadApp } from '../app/reloadApp';
import { api, ApiError, type Api } from './client';

/**
 * THE renderer's cache of main-process answers (issue 14, item 2). Every answer is kept under
 * channel + input + the revision of what it depends on; `workspace.changed` moves revisions in one table below,
 * so a view asks again exactly when its answer can have changed, and an answer asked before a change lands
 * under its old key, where no view reads it: a stale answer is never drawn. Views keep UI state in zustand.
 */

/**
 * What an answer depends on. `base`: the snapshot as pulled; `draft`: draft projections (they sit on the base, so
 * a base change moves both); `sync`: connection, snapshot facts and pushes; `drafts`: the draft list;
 * `static`: facts of the running app.
 */
export type Scope = 'base' | 'draft' | 'sync' | 'drafts' | 'static';

type Reason = WorkspaceChangeReason;
/** A new workspace, a lock or a new snapshot: the page starts afresh, so no decrypted answer stays in memory. */
type Effect = readonly Scope[] | 'reload';

/**
 * THE one map from `workspace.changed` to invalidation. The renderer's own edits are counted when they are sent
 * (`changing`), so their event moves nothing twice; activation, create and duplicate change no answer (views key
 * by the draft id they show).
 */
export const WORKSPACE_CHANGES: Readonly<Record<Reason, Effect>> = {
  'workspace opened': 'reload',
  'workspace created': 'reload',
  'workspace locked': 'reload',
  'snapshot saved': 'reload',
  // A pull, push, verify or rollback settled while the page stays: the base, every draft (rebased, or made
  // read-only) and the push list may all have moved.
  'server state refreshed': ['base', 'draft', 'sync', 'drafts'],
  'draft created': [],
  'draft duplicated': [],
  'draft activated': [],
  // The push list names drafts.
  'draft renamed': ['sync'],
  'draft discarded': ['sync'],
  'draft edited': ['draft'],
  'draft undone': ['draft'],
  'draft redone': ['draft'],
  'draft gesture reverted': ['draft'],
  'draft imported': ['drafts'],
};

const revisions: Record<Scope, number> = { base: 0, draft: 0, sync: 0, drafts: 0, static: 0 };
/** Events still to come for changes this renderer sent and already counted. */
const expected: Record<Scope, number> = { base: 0, draft: 0, sync: 0, drafts: 0, static: 0 };
const listeners = new Set<(scope: Scope) => void>();

/** Answers are large (the org view is megabytes at 20k people): never deep-compared, never retried blindly. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Fresh until its revision moves: the key carries freshness, so a view switch never asks again.
      staleTime: Infinity,
      gcTime: Infinity,
      structuralSharing: false,
      retry: false,
      refetchOnWindowFocus: false,
      refetchOnReconnect: false,
      // Electron and the headless browser may report offline; the main process is always reachable.
      networkMode: 'always',
    },
  },
});

function bump(scope: Scope, carry?: Carry): void {
  const carried = carry ? carriedEntries(scope, carry) : [];
  revisions[scope] += 1;
  for (const entry of carried) entry.seed();
  // Answers for an older revision of this scope can never be shown again: let them go now.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[2] === scope && (q.queryKey[3] as number) < revisions[scope] });
  for (const listener of listeners) listener(scope);
}

/**
 * How a change this renderer sends moves answers it already holds, so they are not asked again: a gesture's
 * answer says what it changed in the role matrix, and the matrix held is patched with it.
 */
export interface Carry<C extends ChannelName = ChannelName> {
  channel: C;
  /** The input whose entry at the new revision is made from the entry held for `input` (null: asked as usual). */
  target(input: ChannelInput<C>): ChannelInput<C> | null;
  /** That entry, from the answer held; `ask` asks the main process afresh (the fallback when it cannot be made). */
  next(held: ChannelOutput<C>, input: ChannelInput<C>, ask: () => Promise<ChannelOutput<C>>): Promise<ChannelOutput<C>>;
}

/** Entries being made by a carry, by query: a second change right behind the first carries from the first's. */
const carrying = new WeakMap<object, Promise<unknown>>();

/** The entries `carry` makes at the next revision of `scope`, from those held now (of any scope: a new draft starts from the base). */
function carriedEntries(scope: Scope, carry: Carry): { seed(): void }[] {
  const made = new Set<string>();
  const entries: { seed(): void }[] = [];
  for (const query of queryClient.getQueryCache().getAll()) {
    const [name, input, heldScope, revision] = query.queryKey as ReturnType<typeof keyOf>;
    if (name !== carry.channel || revision !== revisions[heldScope]) continue;
    const target = carry.target(input as never);
    if (target === null || scopeOf(carry.channel, target) !== scope || made.has(JSON.stringify(target))) continue;
    // What is held: an answer, or one still being made by a carry; an answer still being asked is asked again.
    const held = query.state.status === 'success' ? Promise.resolve(query.state.data) : carrying.get(query);
    if (!held) continue;
    made.add(JSON.stringify(target));
    entries.push({
      seed() {
        const key = keyOf(carry.channel, target, scope, revisions[scope]);
        const ask = () => api().call(carry.channel, target as never);
        const value = held.then((h) => carry.next(h as never, target as never, ask), ask);
        let first = true;
        // Only the first fetch is the carried one: a retry after an error asks afresh.
        void queryClient.prefetchQuery({ queryKey: key, queryFn: () => (first ? ((first = false), value) : ask()) });
        const entry = queryClient.getQueryCache().find({ queryKey: key, exact: true });
        if (entry) carrying.set(entry, value);
      },
    });
  }
  return entries;
}

/** Applies one `workspace.changed` reason; exported for the cache's own test. */
export function workspaceChanged(reason: Reason): void {
  const effect = WORKSPACE_CHANGES[reason];
  if (effect === 'reload') {
    queryClient.clear();
    reloadApp();
    return;
  }
  for (const scope of effect) {
    if (expected[scope] > 0) expected[scope] -= 1;
    else bump(scope);
  }
}

let listening: Api | null = null;
/**
 * Subscribes once per api client (tests install their own) to the events that move revisions. Any use of the
 * cache does it; the workspace gate does it first, so a lock screen with no view still hears the unlock.
 */
export function followWorkspaceChanges(): void {
  listen();
}
function listen(): void {
  const client = api();
  if (listening === client) return;
  listening = client;
  client.on('workspace.changed', ({ reason }) => workspaceChanged(reason));
  // A push's first call journals it, and its draft is read-only from then on, before any verify: no
  // `workspace.changed` says so, so the draft list moves with the first progress of each push.
  const journaled = new Set<string>();
  client.on('sync.progressed', (event) => {
    if (event.kind !== 'push' || journaled.has(event.pushId)) return;
    journaled.add(event.pushId);
    bump('drafts');
  });
}

/**
 * The renderer is about to send a change to `scope` (a gesture, undo, redo): the revision moves now, so the views
 * ask again right behind it (the main process answers in order) instead of after its answer and its event, except
 * for what `carry` makes from the answers held. Call the result with false when the change was refused: no event
 * will come for it.
 */
export function changing(scope: Scope, carry?: Carry): (accepted: boolean) => void {
  listen();
  expected[scope] += 1;
  bump(scope, carry);
  let settled = false;
  return (accepted) => {
    if (settled) return;
    settled = true;
    // Refused: nothing changed and no event comes; the answers asked at the new revision are still true.
    if (!accepted && expected[scope] > 0) expected[scope] -= 1;
  };
}

/** Called after `scope` moved (for stores that hold server state outside this cache, such as the draft list). */
export function onRevision(listener: (scope: Scope) => void): () => void {
  listen();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function revisionOf(scope: Scope): number {
  return revisions[scope];
}

function useRevision(scope: Scope): number {
  return useSyncExternalStore(
    useCallback((notify: () => void) => onRevision((s) => s === scope && notify()), [scope]),
    () => revisions[scope],
  );
}

/** Which revision an answer depends on: a view of a draft (or of the base, draftId null), or a fixed scope. */
function scopeOf(channel: string, input: unknown): Scope {
  if (input && typeof input === 'object' && 'draftId' in input) return (input as { draftId: unknown }).draftId === null ? 'base' : 'draft';
  return CHANNEL_SCOPES[channel] ?? 'base';
}
const CHANNEL_SCOPES: Readonly<Record<string, Scope>> = { 'sync.status': 'sync', 'app.info': 'static', 'drafts.list': 'drafts' };

/** The cache key: what is asked (channel, or a named fetch over it), the input, and the revision it was asked at. */
function keyOf(name: string, input: unknown, scope: Scope, revision: number) {
  return [name, input, scope, revision] as const;
}

export interface ServerData<T> {
  /** The answer for exactly this input at the current revision; null while it is being asked. */
  data: T | null;
  /** `data`, or while a newer answer is asked, the last one shown: views stay steady between gestures. */
  shown: T | null;
  /** As it came (code and details): views word it with `useAppErrorText`, never by showing its message. */
  error: AppErrorData | null;
  loading: boolean;
  /** The revision `data` belongs to (-1 without data): for performance marks. */
  revision: number;
  /** Asks again now (a retry after an error, or after this view's own change the events do not cover). */
  retry(): Promise<void>;
}

type Fetch<C extends ChannelName, T> = { name: string; fetch: (input: ChannelInput<C>) => Promise<T> };

/**
 * Reads `channel` with `input` (null: nothing to ask yet). With `{ name, fetch }` the entry holds what `fetch`
 * makes of the input instead (e.g. a decoded answer plus a follow-up call); `name` keeps it apart from the raw one.
 */
export function useServerQuery<C extends ChannelName, T = ChannelOutput<C>>(channel: C, input: ChannelInput<C> | null, custom?: Fetch<C, T>): ServerData<T> {
  listen();
  const scope = scopeOf(channel, input);
  const revision = useRevision(scope);
  const query = useQuery<T, Error>(
    {
      queryKey: keyOf(custom?.name ?? channel, input, scope, revision),
      queryFn: () => (custom ? custom.fetch(input!) : (api().call(channel, input!) as Promise<T>)),
      enabled: input !== null,
      placeholderData: keepPreviousData,
    },
    queryClient,
  );
  const exact = query.isPlaceholderData || input === null ? undefined : query.data;
  const refetch = query.refetch;
  return {
    data: exact ?? null,
    // Nothing asked, nothing shown: a placeholder from another input would describe something else.
    shown: input === null ? null : (query.data ?? null),
    error: query.error ? errorOf(query.error) : null,
    loading: query.isFetching,
    revision: exact === undefined ? -1 : revision,
    retry: useCallback(() => refetch().then(() => undefined), [refetch]),
  };
}

/** Asks for `channel` at the current revision now, ahead of any view (a gesture's impact goes first in line). */
export function prefetch<C extends ChannelName>(channel: C, input: ChannelInput<C>): void {
  listen();
  const scope = scopeOf(channel, input);
  void queryClient.prefetchQuery({ queryKey: keyOf(channel, input, scope, revisions[scope]), queryFn: () => api().call(channel, input) });
}

function errorOf(error: Error): AppErrorData {
  return error instanceof ApiError ? error.error : { code: 'INTERNAL', message: String(error.message ?? error) };
}
