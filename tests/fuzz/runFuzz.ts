import { SeededRandom } from '../../src-main/common/generator';
import { CHANNEL_NAMES, type ChannelName } from '../../src-main/common/ipc';
import { contractAccepts, IdPool, inputFor } from './inputs';
import { mutatePolicyFile } from './policyMutations';
import { sessionCookie, WireClient, type CallOutcome } from './wireClient';

export interface FuzzOptions {
  seed: number;
  /** Contract calls over the WebSocket (plus the wire-level garbage frames among them). */
  calls: number;
  /** Mutated policy files sent to `policy.import`. */
  files: number;
  /** An answer slower than this counts as a hang. */
  hangMs: number;
  progress?: (done: number, total: number) => void;
}

export interface FuzzTarget {
  /** The console URL with its one-time token, as the host printed it. */
  consoleUrl: string;
  /** Whether the host process is still running (a child process that exited is a crash even if the port answers). */
  running(): boolean;
}

export interface FuzzReport {
  seed: number;
  calls: number;
  files: number;
  /** The host stopped running or stopped answering on a fresh socket. */
  crashes: number;
  hangs: number;
  /** Answers with code INTERNAL: a bug that reached the catch-all. */
  internalErrors: number;
  /** Calls that were refused (error, or socket closed) and yet changed what the workspace holds. */
  refusedStateChanges: number;
  /** Requests with a readable id that were answered by closing the socket instead of an error for that id. */
  droppedRequests: number;
  /** Informational: answers by kind and code, and policy-file outcomes by status. */
  outcomes: Record<string, number>;
  /** Milliseconds spent per channel (calls and the state reads after them), the slowest first when printed. */
  timeByChannel: Record<string, number>;
  /** The first few findings, each with the call that caused it, to reproduce by seed. */
  findings: string[];
}

/**
 * Channels whose accepted calls would end the run's usefulness (lock the workspace, change its passphrase,
 * switch to a new locked one): the fuzzer sends them only inputs the contract refuses.
 */
const REFUSED_ONLY = new Set<ChannelName>(['workspace.lock', 'workspace.changePassphrase', 'workspace.create', 'workspace.select', 'workspace.open', 'workspace.unlock']);

/** Channels that only read: after one is answered the state is not read again (it is, after a refusal). */
const READ_ONLY = new Set<ChannelName>([
  'app.info', 'roles.list', 'roles.matrix', 'catalogue.list', 'impact.summary', 'access.explain', 'access.whoCanSee', 'access.heatmap',
  'access.reachDelta', 'lints.run', 'drafts.list', 'drafts.batches', 'drafts.changes', 'policy.export', 'reports.export', 'reports.table',
  'org.view', 'sync.status', 'sync.undoPreview', 'workspace.list', 'audit.list', 'audit.verify',
]);

/** Frames a browser never sends: the host must close the socket cleanly or answer, and live on. */
const GARBAGE: Array<string | Buffer> = [
  'not json', '', '[]', 'null', '42', '"x"', '{', '{"id":"1","channel":"app.info","input":{}}', '{"channel":"app.info","input":{}}',
  `${'['.repeat(100_000)}${']'.repeat(100_000)}`, Buffer.from([0, 1, 2, 255]), '{"id":-1,"channel":"app.info","input":{}}',
  '{"id":1.5,"channel":"app.info","input":{}}', `{"id":1,"channel":"${'x'.repeat(10_000)}","input":{}}`,
];

/**
 * Runs a seeded fuzz against a running browser host, over loopback only: contract calls (plausible, broken in
 * one place, or garbage frames) and mutated policy files. After every refused call the workspace's state is
 * compared with what it was before; after every closed socket or slow answer the host is asked whether it lives.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const rng = new SeededRandom(options.seed);
  const origin = new URL(target.consoleUrl).origin;
  const client = new WireClient(origin, await sessionCookie(target.consoleUrl), options.hangMs);
  const report: FuzzReport = { seed: options.seed, calls: 0, files: 0, crashes: 0, hangs: 0, internalErrors: 0, refusedStateChanges: 0, droppedRequests: 0, outcomes: {}, timeByChannel: {}, findings: [] };
  const pool = new IdPool();
  const note = (finding: string) => report.findings.length < 20 && report.findings.push(finding);
  const count = (key: string) => (report.outcomes[key] = (report.outcomes[key] ?? 0) + 1);
  const total = options.calls + options.files;

  // Learn real ids first, so plausible calls reach past "not found".
  for (const channel of ['roles.list', 'drafts.list', 'catalogue.list', 'workspace.list', 'org.view', 'sync.status'] as const) {
    const out = await client.call(channel, channel === 'org.view' ? { draftId: null } : {});
    if (out.kind === 'ok') pool.learn(out.value);
  }
  let state = await fingerprint(client);
  let previous = '(start)';

  /** After an outcome: count it, and check the host and the state. Returns false when the host is gone. */
  const judge = async (label: string, outcome: CallOutcome, refused: boolean, hasId: boolean, readOnly = false): Promise<boolean> => {
    count(outcome.kind === 'error' ? `error ${outcome.code}` : outcome.kind === 'closed' ? `closed ${outcome.code}` : outcome.kind);
    if (outcome.kind === 'ok') pool.learn(outcome.value);
    if (outcome.kind === 'error' && outcome.code === 'INTERNAL') {
      report.internalErrors++;
      note(`INTERNAL: ${label}`);
    }
    if (outcome.kind === 'hang') {
      report.hangs++;
      note(`hang (> ${options.hangMs} ms): ${label}`);
    }
    if (outcome.kind === 'closed' && hasId) {
      report.droppedRequests++;
      note(`socket closed (${outcome.code}) instead of an answer: ${label}`);
    }
    if (outcome.kind === 'closed' || outcome.kind === 'hang') {
      if (!target.running() || !(await client.alive())) {
        report.crashes++;
        note(`host gone after: ${label}`);
        return false;
      }
    }
    if (refused || !readOnly) {
      const now = await fingerprint(client);
      if (refused && now.key !== state.key) {
        report.refusedStateChanges++;
        const changed = now.parts.filter((p, i) => JSON.stringify(p) !== JSON.stringify(state.parts[i])).map((p) => JSON.stringify(p).slice(0, 300));
        note(`refused (${describe(outcome)}) yet changed the workspace: ${label}; after ${previous}; now ${changed.join(' | ')}`);
      }
      state = now;
    }
    previous = label;
    return true;
  };

  for (let i = 0; i < options.calls; i++) {
    options.progress?.(i, total);
    report.calls++;
    if (rng.chance(0.05)) {
      const frame = rng.pick(GARBAGE);
      const label = `garbage frame ${Buffer.isBuffer(frame) ? 'binary' : JSON.stringify(frame.slice(0, 60))}`;
      if (!(await judge(label, await client.sendGarbage(frame), true, false))) break;
      continue;
    }
    if (rng.chance(0.03)) {
      // A request whose id is readable but whose shape is not: answered for that id, the socket stays open.
      const id = 1_000_000 + i;
      const frame = JSON.stringify(rng.pick([{ id, channel: 'drafts.list' }, { id, channel: 7, input: {} }, { id, channel: 'no.such', input: {} }, { id, input: {} }]));
      if (!(await judge(`malformed request ${frame}`, await client.sendRaw(frame, id), true, true))) break;
      continue;
    }
    const channel = rng.pick(CHANNEL_NAMES);
    let input = inputFor(rng, channel, pool);
    if (REFUSED_ONLY.has(channel)) {
      for (let tries = 0; tries < 20 && contractAccepts(channel, input); tries++) input = inputFor(rng, channel, pool);
      if (contractAccepts(channel, input)) continue;
    }
    const began = performance.now();
    const outcome = await client.call(channel, input);
    const label = `${channel} ${JSON.stringify(input)?.slice(0, 200) ?? 'undefined'}`;
    const alive = await judge(label, outcome, outcome.kind !== 'ok', true, READ_ONLY.has(channel));
    report.timeByChannel[channel] = (report.timeByChannel[channel] ?? 0) + performance.now() - began;
    if (!alive) break;
  }

  if (report.crashes === 0 && options.files > 0) {
    const seeds = await exportedFiles(client);
    state = await fingerprint(client); // the seed draft is the fuzzer's own change
    previous = '(seed files exported)';
    for (let i = 0; i < options.files; i++) {
      options.progress?.(options.calls + i, total);
      report.files++;
      const { name, text } = mutatePolicyFile(rng, rng.pick(seeds));
      const outcome = await client.call('policy.import', { text });
      const status = outcome.kind === 'ok' ? (outcome.value as { status: string }).status : null;
      if (status) count(`file ${status}`);
      const refused = status === null || status === 'invalid' || status === 'refused';
      if (!(await judge(`policy file (${name}, ${text.length} chars: ${JSON.stringify(text.slice(0, 400))})`, outcome, refused, true))) break;
    }
  }
  options.progress?.(total, total);
  client.close();
  return report;
}

/** What the workspace holds, as far as the contract shows it: compared before and after each refused call. */
async function fingerprint(client: WireClient): Promise<{ key: string; parts: unknown[] }> {
  const parts: unknown[] = [];
  for (const [channel, input] of [['workspace.list', {}], ['drafts.list', {}], ['sync.status', {}], ['audit.list', { limit: 1 }]] as const) {
    const out = await client.call(channel, input);
    parts.push(out.kind === 'ok' ? out.value : out);
  }
  return { key: JSON.stringify(parts), parts };
}

function describe(outcome: CallOutcome): string {
  if (outcome.kind === 'ok') return `answered ${JSON.stringify(outcome.value).slice(0, 300)}`;
  return outcome.kind === 'error' ? outcome.code : outcome.kind;
}

/** A draft file and the base snapshot file from the host itself: the seeds of the policy-file mutations. */
async function exportedFiles(client: WireClient): Promise<string[]> {
  const files: string[] = [];
  const draft = await client.call('drafts.create', { name: 'fuzz seed' });
  if (draft.kind === 'ok') {
    const draftId = (draft.value as { id: string }).id;
    const roles = await client.call('roles.list', {});
    const roleId = roles.kind === 'ok' ? (roles.value as { roles: Array<{ id: string }> }).roles[0]?.id : undefined;
    if (roleId) await client.call('drafts.apply', { draftId, batch: { id: 'seed', ops: [{ type: 'setDataScope', roleId, dataScope: 1 }] } });
    const out = await client.call('policy.export', { kind: 'draft', draftId, locale: 'zh-CN' });
    if (out.kind === 'ok') files.push((out.value as { text: string }).text);
  }
  const snapshot = await client.call('policy.export', { kind: 'snapshot', draftId: null, locale: 'en' });
  if (snapshot.kind === 'ok') files.push((snapshot.value as { text: string }).text);
  if (files.length === 0) throw new Error('the host exported no policy file to mutate');
  return files;
}
