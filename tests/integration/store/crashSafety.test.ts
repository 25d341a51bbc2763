import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createDraft,
  createStore,
  getDraft,
  keyCheckOf,
  listOperations,
  openStore,
  saveSnapshot,
  verifyAuditChain,
} from '../../../src-main/store';
import { buildSnapshot } from './fixtures/buildSnapshot';
import { existsSync, freshKey, join, makeTempDir } from './fixtures/files';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = resolve(import.meta.dirname, 'fixtures/writeLoop.ts');

/** Run the write loop until it has reported `atLeast` commits, then SIGKILL it. Resolves with the last reported commit. */
function killMidWrite(path: string, draftId: string, key: Buffer, atLeast: number): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, path, draftId], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let lastCommitted = 0;
    let stderr = '';
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const n = Number(line.replace('committed ', ''));
        if (Number.isInteger(n)) lastCommitted = n;
      }
      if (lastCommitted >= atLeast && child.exitCode === null && !child.killed) child.kill('SIGKILL');
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolvePromise(lastCommitted);
      else reject(new Error(`write loop ended without being killed: ${stderr}`));
    });
    child.stdin.end(key.toString('hex'));
  });
}

describe('a process killed in the middle of writing', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('crash');
  });
  afterEach(() => temp.cleanup());

  it('leaves a file that opens with the last committed state (SIGKILL, WAL)', async () => {
    const path = join(temp.dir, 'crash.gatehouse');
    const key = freshKey();
    const db = createStore(path, key);
    const { version } = saveSnapshot(db, { snapshot: buildSnapshot(10), savedAt: 'now' });
    createDraft(db, { id: 'draft-1', name: 'crash test', baseSnapshotVersion: version, now: 'now' });
    db.close();

    const lastReported = await killMidWrite(path, 'draft-1', key, 300);
    // The killed writer never checkpointed: the newest commits exist only in the WAL, which the open must replay.
    expect(existsSync(`${path}-wal`)).toBe(true);

    // Opens without DAMAGED: the key check is known, so a torn file would have been moved aside here.
    const reopened = openStore(path, key, { expectedKeyCheck: keyCheckOf(key) });
    try {
      const draft = getDraft(reopened, { id: 'draft-1' })!;
      const ops = listOperations(reopened, { draftId: 'draft-1' });
      // Every reported commit survived; at most the one whose report the kill cut off is there too.
      expect(draft.head).toBeGreaterThanOrEqual(lastReported);
      expect(draft.head).toBeLessThanOrEqual(lastReported + 1);
      // Each transaction landed whole or not at all: operations, head and audit entries agree.
      expect(ops.map((o) => (JSON.parse(o.json) as { n: number }).n)).toEqual(Array.from({ length: draft.head }, (_, i) => i + 1));
      expect(verifyAuditChain(reopened)).toEqual({ ok: true, entries: draft.head });
      expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      reopened.close();
    }
  });
});
