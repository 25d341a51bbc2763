import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, keyCheckOf, openStore } from '../../../src-main/store';
import { existsSync, freshKey, hashFolder, join, makeTempDir } from './fixtures/files';

const ROOT = resolve(import.meta.dirname, '../../..');
const SCRIPT = resolve(import.meta.dirname, 'fixtures/rekeyChild.ts');

describe('a process killed in the middle of a rekey', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir('rekey-crash');
  });
  afterEach(() => temp.cleanup());

  it('leaves a hot journal; the old key rolls it back and opens every row; the new key is refused and damages nothing', async () => {
    const path = join(temp.dir, 'k.gatehouse');
    const oldKey = freshKey();
    const newKey = freshKey();
    const db = createStore(path, oldKey);
    db.exec('CREATE TABLE filler (x BLOB NOT NULL)');
    const insert = db.prepare('INSERT INTO filler VALUES (randomblob(3000))');
    // ~7.5 MB: rewriting every page takes far longer than the kill delay, on any machine we run on.
    db.transaction(() => {
      for (let i = 0; i < 2500; i++) insert.run();
    })();
    db.close();

    const outcome = await new Promise<string>((done, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, path], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => {
        out += String(chunk);
        if (out.includes('rekeying') && !child.killed) setTimeout(() => child.kill('SIGKILL'), 30);
      });
      child.stderr.on('data', (chunk) => (err += String(chunk)));
      child.on('exit', (_code, signal) => (signal === 'SIGKILL' || out.includes('done') ? done(out.includes('done') ? 'finished' : 'killed') : fail(new Error(err))));
      child.stdin.end(`${oldKey.toString('hex')}\n${newKey.toString('hex')}\n`);
    });
    expect(outcome).toBe('killed');
    expect(existsSync(`${path}-journal`)).toBe(true); // the kill landed inside the rekey transaction

    // The new key cannot read it, and trying changes nothing (the journal stays for the old key to replay).
    const before = hashFolder(temp.dir);
    expect(() => openStore(path, newKey)).toThrow(expect.objectContaining({ code: 'WRONG_KEY' }));
    expect(hashFolder(temp.dir)).toEqual(before);

    const reopened = openStore(path, oldKey, { expectedKeyCheck: keyCheckOf(oldKey) });
    expect(reopened.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 2500 });
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.close();
  });
});
