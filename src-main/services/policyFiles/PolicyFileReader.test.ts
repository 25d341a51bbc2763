import { afterEach, describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../../common/draft/testing/builders';
import { PolicyFileReader, type OffThreadOptions } from './PolicyFileReader';
import { readPolicyFile } from './readPolicyFile';
import { writeSnapshotFile } from './writePolicyFile';

const readers: PolicyFileReader[] = [];
const reader = (options: OffThreadOptions = {}) => {
  const r = new PolicyFileReader(options);
  readers.push(r);
  return r;
};
afterEach(() => readers.splice(0).forEach((r) => r.close()));

describe('reading policy files in a worker', () => {
  it('gives the same answers as reading them here, one file after another and several at once', async () => {
    const r = reader();
    const source = writeSnapshotFile(sampleSnapshot(), 2, 'en');
    expect(await r.read(source)).toEqual(readPolicyFile(source));
    const [a, b] = await Promise.all([r.read('hello: world\n'), r.read(source)]);
    expect(a).toEqual(readPolicyFile('hello: world\n'));
    expect(b).toEqual(readPolicyFile(source));
  });

  it('refuses a file whose reading needs more memory than the worker has, and reads the next one with a new worker', async () => {
    const r = reader({ maxHeapMb: 48 });
    const small = writeSnapshotFile(sampleSnapshot(), 2, 'en');
    expect((await r.read(small)).ok).toBe(true);
    // A long flat list (6 MB, the contract's limit): linear to parse, but its million nodes need more than 48 MB.
    const read = await r.read(`a:\n${'  - x\n'.repeat(1_000_000)}`);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message.en).toMatch(/more memory/);
    expect((await r.read(small)).ok).toBe(true);
  });

  it('stops a read that outlasts its time and refuses the file', async () => {
    const read = await reader({ timeoutMs: 0 }).read(writeSnapshotFile(sampleSnapshot(), 2, 'en'));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message['zh-CN']).toMatch(/耗时过长/);
  });
});
