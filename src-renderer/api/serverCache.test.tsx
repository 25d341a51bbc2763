// @vitest-environment jsdom
import { notifyManager } from '@tanstack/react-query';
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { workspaceChangeReasonSchema } from '../../src-main/common/ipc';
import { setApi, type Api } from './client';
import { changing, queryClient, useServerQuery, WORKSPACE_CHANGES, workspaceChanged, type ServerData } from './serverCache';

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
beforeEach(() => {
  pending = [];
  const api: Api = {
    transport: 'browser',
    call: ((channel: string, input: unknown) => new Promise((resolve) => pending.push({ channel, input, resolve }))) as Api['call'],
    on: ((event: string, listener: (payload: { reason: string }) => void) => {
      if (event === 'workspace.changed') emit = (reason) => listener({ reason });
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
});
