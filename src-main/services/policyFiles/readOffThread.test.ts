import { describe, expect, it } from 'vitest';
import { readOffThread } from './readOffThread';
import { readPolicyFile } from './readPolicyFile';
import { writeSnapshotFile } from './writePolicyFile';
import { sampleSnapshot } from '../../common/draft/testing/builders';

describe('reading a policy file in a worker', () => {
  it('gives the same answer as reading it here', async () => {
    const source = writeSnapshotFile(sampleSnapshot(), 2, 'en');
    expect(await readOffThread(source)).toEqual(readPolicyFile(source));
    expect(await readOffThread('hello: world\n')).toEqual(readPolicyFile('hello: world\n'));
  });

  it('refuses a file whose reading needs more memory than the worker has, and this process lives on', async () => {
    const small = writeSnapshotFile(sampleSnapshot(), 2, 'en');
    expect((await readOffThread(small, { maxHeapMb: 48 })).ok).toBe(true);
    // A long flat list (6 MB, the contract's limit): linear to parse, but its million nodes need more than 48 MB.
    const source = `a:\n${'  - x\n'.repeat(1_000_000)}`;
    const read = await readOffThread(source, { maxHeapMb: 48 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message.en).toMatch(/more memory/);
  });

  it('stops a read that outlasts its time and refuses the file', async () => {
    const read = await readOffThread(writeSnapshotFile(sampleSnapshot(), 2, 'en'), { timeoutMs: 0 });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems[0]!.message['zh-CN']).toMatch(/耗时过长/);
  });
});
