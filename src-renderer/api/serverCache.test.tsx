// @vitest-environment jsdom
import { notifyManager } from '@tanstack/react-query';
import { act, cleanup, render, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workspaceChangeReasonSchema } from '../../src-main/common/ipc';
import { setApi, type Api } from './client';
import { matrixCarry, type MatrixAnswer } from './matrixCarry';
import { changing, queryClient, useServerQuery, WORKSPACE_CHANGES, workspaceChanged, type Carry, type ServerData } from './serverCache';

vi.mock('../app/reloadApp', () => ({ reloadApp: vi.fn() }));
// react-query tells its observers on a zero-delay timer; here it tells them at once, inside the act() that
// answered, so an assertion right after an answer sees it even on a loaded machine.
notifyManager.setScheduler((callback) => callback());
const { reloadApp } = await import('../app/reloadApp');

/** One call the test answers by hand, in any order, to play a slow answer against a newer one. */
interface Pending {
  channel: string;
  input: unknown;
  resolve(value: unknown): void;
}

let pending: Pending[];
let emit: (reason: string) => void;
let progress: (payload: unknown) => void;
beforeEach(() => {
  pending = [];
  const api: Api = {
    transport: 'browser',
    call: ((channel: string, input: unknown) => new Promise((resolve) => pending.push({ channel, input, resolve }))) as Api['call'],
    on: ((event: string, listener: (payload: never) => void) => {
      if (event === 'workspace.changed') emit = (reason) => listener({ reason } as never);
      if (event === 'sync.progressed') progress = (payload) => listener(payload as never);
      return () => undefined;
    }) as Api['on'],
  };
  setApi(api);
  vi.mocked(reloadApp).mockClear();
});
afterEach(() => {
  cleanup();
  queryClient.clear();
});

const asked = (channel: string) => pending.filter((p) => p.channel === channel);
async function answer(call: Pending, value: unknown) {
  await act(async () => call.resolve(value));
}

/** A component that shows one query, and what it last saw. */
function probe<T>(use: () => ServerData<T>) {
  const seen: { current: ServerData<T> | null } = { current: null };
  function Probe() {
    seen.current = use();
    return null;
  }
  return { seen, Probe };
}

describe('the server cache', () => {
  it('drops an answer asked at an older revision, even when it arrives last', async () => {
    const { seen, Probe } = probe(() => useServerQuery('lints.run', { draftId: 'd1' }));
    render(<Probe />);
    expect(asked('lints.run')).toHaveLength(1);
    act(() => emit('draft edited'));
    expect(asked('lints.run')).toHaveLength(2);
    const [older, newer] = asked('lints.run') as [Pending, Pending];

    await answer(newer, { findings: [{ ruleId: 'new' }] });
    await answer(older, { findings: [{ ruleId: 'old' }] });
    expect(seen.current!.data).toEqual({ findings: [{ ruleId: 'new' }] });
    expect(seen.current!.shown).toEqual({ findings: [{ ruleId: 'new' }] });
  });

  it('never takes an older revision’s answer as the current one while the newer is still asked', async () => {
    const { seen, Probe } = probe(() => useServerQuery('lints.run', { draftId: 'd1' }));
    render(<Probe />);
    act(() => emit('draft undone'));
    const [older] = asked('lints.run') as [Pending];
    await answer(older, { findings: [{ ruleId: 'old' }] });
    expect(seen.current!.data).toBeNull();
    expect(seen.current!.shown).toBeNull();
  });

  it('drops the answer of a superseded input; the last answer stays shown while the next is asked', async () => {
    let draftId = 'd1';
    const { seen, Probe } = probe(() => useServerQuery('org.view', { draftId }));
    const view = render(<Probe />);
    await answer(asked('org.view')[0]!, { of: 'd1' });
    draftId = 'd2';
    view.rerender(<Probe />);
    expect(seen.current!.data).toBeNull();
    expect(seen.current!.shown).toEqual({ of: 'd1' }); // steady screen while d2 is asked
    draftId = 'd3';
    view.rerender(<Probe />);
    const [, forD2, forD3] = asked('org.view') as [Pending, Pending, Pending];
    expect([forD2.input, forD3.input]).toEqual([{ draftId: 'd2' }, { draftId: 'd3' }]);
    await answer(forD3, { of: 'd3' });
    await answer(forD2, { of: 'd2' });
    expect(seen.current!.data).toEqual({ of: 'd3' });
  });

  it('maps each workspace.changed reason to exactly the answers it can change', async () => {
    const views = {
      draft: probe(() => useServerQuery('lints.run', { draftId: 'd1' })),
      base: probe(() => useServerQuery('lints.run', { draftId: null })),
      catalogue: probe(() => useServerQuery('catalogue.list', {})),
      sync: probe(() => useServerQuery('sync.status', {})),
      app: probe(() => useServerQuery('app.info', {})),
    };
    render(
      <>
        {Object.entries(views).map(([name, { Probe }]) => (
          <Probe key={name} />
        ))}
      </>,
    );
    const counts = () => ({
      draft: pending.filter((p) => p.channel === 'lints.run' && (p.input as { draftId: unknown }).draftId === 'd1').length,
      base: pending.filter((p) => p.channel === 'lints.run' && (p.input as { draftId: unknown }).draftId === null).length,
      catalogue: asked('catalogue.list').length,
      sync: asked('sync.status').length,
      app: asked('app.info').length,
    });
    for (const p of [...pending]) await answer(p, {});
    expect(counts()).toEqual({ draft: 1, base: 1, catalogue: 1, sync: 1, app: 1 });

    act(() => emit('draft edited'));
    expect(counts()).toEqual({ draft: 2, base: 1, catalogue: 1, sync: 1, app: 1 });
    act(() => emit('draft activated')); // views key by the draft they show: activation changes no answer
    act(() => emit('draft created'));
    expect(counts()).toEqual({ draft: 2, base: 1, catalogue: 1, sync: 1, app: 1 });
    act(() => emit('draft renamed')); // the push list names drafts
    expect(counts()).toEqual({ draft: 2, base: 1, catalogue: 1, sync: 2, app: 1 });
    act(() => emit('server state refreshed'));
    expect(counts()).toEqual({ draft: 3, base: 2, catalogue: 2, sync: 3, app: 1 });
    expect(reloadApp).not.toHaveBeenCalled();

    act(() => emit('workspace locked'));
    expect(reloadApp).toHaveBeenCalledTimes(1);
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0); // nothing decrypted stays behind
  });

  it('moves the draft list with the first progress of each push (its draft is read-only from then on)', async () => {
    const { Probe } = probe(() => useServerQuery('drafts.list', {}));
    render(<Probe />);
    await answer(asked('drafts.list')[0]!, { drafts: [], activeDraftId: null });
    act(() => progress({ kind: 'push', pushId: 'p1', seq: 1, total: 3, status: 'done' }));
    act(() => progress({ kind: 'push', pushId: 'p1', seq: 2, total: 3, status: 'done' }));
    act(() => progress({ kind: 'pull', step: 'users', done: 1, total: 5 }));
    expect(asked('drafts.list')).toHaveLength(2);
    act(() => progress({ kind: 'push', pushId: 'p2', seq: 1, total: 1, status: 'failed' }));
    expect(asked('drafts.list')).toHaveLength(3);
  });

  it('has a decision for every reason the contract names', () => {
    expect(Object.keys(WORKSPACE_CHANGES).sort()).toEqual([...workspaceChangeReasonSchema.options].sort());
  });

  it('asks once for a change this renderer sends: its event is expected, a refusal brings none', async () => {
    const { Probe } = probe(() => useServerQuery('impact.summary', { draftId: 'd1', limit: 200 }));
    render(<Probe />);
    await answer(asked('impact.summary')[0]!, {});
    let settle!: (accepted: boolean) => void;
    act(() => void (settle = changing('draft')));
    expect(asked('impact.summary')).toHaveLength(2); // asked right behind the change, before its answer
    act(() => workspaceChanged('draft edited'));
    settle(true);
    expect(asked('impact.summary')).toHaveLength(2);

    act(() => void (settle = changing('draft')));
    settle(false); // refused: no event will come for it
    expect(asked('impact.summary')).toHaveLength(3);
    act(() => emit('draft redone')); // someone else's change is not taken for ours
    expect(asked('impact.summary')).toHaveLength(4);
  });

  describe('a change that carries answers along', () => {
    /** A carry for d1's matrix that adds what the change's answer says to a counter held in `roles`. */
    function adding(answer: Promise<number | null>): Carry<'roles.matrix'> {
      return {
        channel: 'roles.matrix',
        target: (input) => (input.draftId === 'd1' ? input : null),
        next: async (held, _input, ask) => {
          const n = await answer;
          return n === null ? ask() : ({ ...held, roles: [...held.roles, n] } as never);
        },
      };
    }
    const later = <T,>() => {
      let resolve!: (value: T) => void;
      return { promise: new Promise<T>((r) => (resolve = r)), resolve };
    };

    it('makes the next entry from the one held, and a second change right behind from the first’s, without asking', async () => {
      const { seen, Probe } = probe(() => useServerQuery('roles.matrix', { draftId: 'd1', fieldRules: false }));
      render(<Probe />);
      await answer(asked('roles.matrix')[0]!, { roles: [0] });
      const [first, second] = [later<number | null>(), later<number | null>()];
      act(() => void changing('draft', adding(first.promise)));
      act(() => void changing('draft', adding(second.promise)));
      expect(seen.current!.shown).toEqual({ roles: [0] }); // steady while the answers come
      await act(async () => second.resolve(2));
      await act(async () => first.resolve(1));
      await waitFor(() => expect(seen.current!.data).toEqual({ roles: [0, 1, 2] }));
      expect(asked('roles.matrix')).toHaveLength(1);
    });

    it('asks whole when the answer says nothing of it, when nothing is held yet, and on a retry', async () => {
      const { seen, Probe } = probe(() => useServerQuery('roles.matrix', { draftId: 'd1', fieldRules: false }));
      render(<Probe />);
      act(() => void changing('draft', adding(Promise.resolve(1)))); // the first answer is still being asked
      expect(asked('roles.matrix')).toHaveLength(2);
      await answer(asked('roles.matrix')[1]!, { roles: [5] });
      act(() => void changing('draft', adding(Promise.resolve(null))));
      await waitFor(() => expect(asked('roles.matrix')).toHaveLength(3));
      await answer(asked('roles.matrix')[2]!, { roles: [6] });
      expect(seen.current!.data).toEqual({ roles: [6] });
      act(() => void seen.current!.retry());
      expect(asked('roles.matrix')).toHaveLength(4);
    });

    it('a matrix delta that starts from a state the matrix held does not stand for is a gap: asked whole', async () => {
      const { seen, Probe } = probe(() => useServerQuery('roles.matrix', { draftId: 'd1', fieldRules: false }));
      render(<Probe />);
      const matrix = { groups: [], permissions: [], fields: [], baseRoles: [], roles: [], baseFieldRules: [], fieldRules: [], memberCounts: {} };
      await answer(asked('roles.matrix')[0]!, matrix);
      const delta = (from: string, to: string, count: number): MatrixAnswer => ({ from, to, roles: [], roleChanges: [], fieldRules: [], memberCounts: { r1: count } });
      act(() => void changing('draft', matrixCarry('d1', false, Promise.resolve(delta('s0', 's1', 1)))));
      await waitFor(() => expect(seen.current!.data).toEqual({ ...matrix, memberCounts: { r1: 1 } }));
      act(() => void changing('draft', matrixCarry('d1', false, Promise.resolve('refused'))));
      act(() => void changing('draft', matrixCarry('d1', false, Promise.resolve(delta('s1', 's2', 2)))));
      await waitFor(() => expect(seen.current!.data).toEqual({ ...matrix, memberCounts: { r1: 2 } }));
      expect(asked('roles.matrix')).toHaveLength(1);
      act(() => void changing('draft', matrixCarry('d1', false, Promise.resolve(delta('s9', 's10', 3)))));
      await waitFor(() => expect(asked('roles.matrix')).toHaveLength(2));
    });
  });
});
