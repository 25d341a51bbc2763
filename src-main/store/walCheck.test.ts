import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findWalLoss, walChecksum } from './walCheck';

const PAGE = 512;
const FRAME = 24 + PAGE;

interface FrameSpec {
  commit?: boolean;
  /** Salts of another WAL generation (frames left behind by an earlier, longer WAL). */
  stale?: boolean;
}

/** A WAL in SQLite's format (little-endian checksums), frames chained as SQLite writes them. */
function buildWal(frames: readonly FrameSpec[]): Buffer {
  const out = Buffer.alloc(32 + frames.length * FRAME);
  out.writeUInt32BE(0x377f0682, 0);
  out.writeUInt32BE(3007000, 4);
  out.writeUInt32BE(PAGE, 8);
  out.writeUInt32BE(1, 12);
  out.writeUInt32BE(0x11111111, 16);
  out.writeUInt32BE(0x22222222, 20);
  let sum = walChecksum(out.subarray(0, 24), [0, 0], false);
  out.writeUInt32BE(sum[0], 24);
  out.writeUInt32BE(sum[1], 28);
  let staleSum: [number, number] = [7, 9];
  frames.forEach((spec, i) => {
    const at = 32 + i * FRAME;
    const frame = out.subarray(at, at + FRAME);
    frame.writeUInt32BE(i + 2, 0);
    frame.writeUInt32BE(spec.commit ? 40 : 0, 4);
    frame.writeUInt32BE(spec.stale ? 0x11111110 : 0x11111111, 8);
    frame.writeUInt32BE(spec.stale ? 0x33333333 : 0x22222222, 12);
    frame.fill((i * 37 + 5) & 0xff, 24);
    const seed = spec.stale ? staleSum : sum;
    const next = walChecksum(frame.subarray(24), walChecksum(frame.subarray(0, 8), seed, false), false);
    frame.writeUInt32BE(next[0], 16);
    frame.writeUInt32BE(next[1], 20);
    if (spec.stale) staleSum = next;
    else sum = next;
  });
  return out;
}

const commits = (n: number): FrameSpec[] => Array.from({ length: n }, (_, i) => ({ commit: i % 2 === 1 }));
const flip = (wal: Buffer, frame: number, offsetInFrame = 24 + 100): Buffer => {
  const copy = Buffer.from(wal);
  copy[32 + (frame - 1) * FRAME + offsetInFrame]! ^= 0x01;
  return copy;
};

describe('findWalLoss', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-walcheck-'));
    path = join(dir, 'x.gatehouse-wal');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const check = (wal: Buffer) => {
    writeFileSync(path, wal);
    return findWalLoss(path);
  };

  it('an intact WAL, a missing one and a header-only one lose nothing', () => {
    expect(check(buildWal(commits(10)))).toBeNull();
    expect(check(buildWal([]))).toBeNull();
    expect(check(Buffer.alloc(10))).toBeNull();
    rmSync(path);
    expect(findWalLoss(path)).toBeNull();
  });

  it('a flipped byte in a middle frame, with committed transactions after it, is a loss', () => {
    expect(check(flip(buildWal(commits(12)), 5))).toEqual({ firstInvalidFrame: 5, droppedCommits: 4, framesInFile: 12 });
  });

  it('a flip in a frame header (salt or stored checksum) is a loss too', () => {
    expect(check(flip(buildWal(commits(12)), 5, 9))).toMatchObject({ firstInvalidFrame: 5 });
    expect(check(flip(buildWal(commits(12)), 5, 17))).toMatchObject({ firstInvalidFrame: 5 });
  });

  it('a flipped WAL header hides every frame from SQLite: a loss', () => {
    const wal = buildWal(commits(8));
    wal[13]! ^= 0x01;
    expect(check(wal)).toMatchObject({ firstInvalidFrame: 0, droppedCommits: 4 });
  });

  it('a torn last frame (killed while writing it) is not a loss', () => {
    const wal = buildWal(commits(10));
    expect(check(wal.subarray(0, wal.length - 100))).toBeNull();
    expect(check(wal.subarray(0, wal.length - FRAME + 10))).toBeNull();
  });

  it('a full-length last commit frame with a bad checksum is not reported (a torn commit looks the same)', () => {
    expect(check(flip(buildWal(commits(10)), 10))).toBeNull();
  });

  it('a bad frame inside the last transaction only is not reported (SQLite rewrites checksums after the commit frame)', () => {
    // Last transaction: frames 9..12, commit at 12; frame 10 overwritten in place, killed before its checksum was redone.
    const specs = [...commits(8), {}, {}, {}, { commit: true }];
    expect(check(flip(buildWal(specs), 10))).toBeNull();
  });

  it('one dropped commit followed by more well-formed frames is a loss', () => {
    const specs = [...commits(8), {}, {}, { commit: true }, {}, {}];
    expect(check(flip(buildWal(specs), 9))).toMatchObject({ firstInvalidFrame: 9, droppedCommits: 1 });
  });

  it('an uncommitted tail (killed before the commit frame) is not a loss', () => {
    expect(check(buildWal([...commits(6), {}, {}, {}]))).toBeNull();
  });

  it('frames of an earlier WAL generation after the current end are not a loss', () => {
    const wal = buildWal([...commits(4), { stale: true }, { stale: true, commit: true }, { stale: true }, { stale: true, commit: true }]);
    expect(check(wal)).toBeNull();
  });
});
