import { closeSync, existsSync, fstatSync, openSync, readSync } from 'node:fs';
import { endianness } from 'node:os';

/**
 * SQLite replays a WAL up to the first frame whose salt or cumulative checksum is wrong and silently drops
 * everything after it (https://sqlite.org/fileformat2.html#walformat); `quick_check` then passes and the next
 * checkpoint makes the loss permanent. So before SQLite sees the file we walk the frames ourselves.
 *
 * SQLite3MultipleCiphers encrypts the page images but computes the frame checksums over the bytes it writes,
 * so the checksums can be checked here without the key (tests/integration/store/walDamage.test.ts).
 *
 * What tells damage from a crash: a process killed mid-commit leaves a short, partial last frame, or full
 * frames of a transaction with no commit frame yet — nothing after them. A flipped byte in the middle leaves
 * an invalid frame FOLLOWED by frames that are well formed on their own: same salts as the header, each
 * checksum right when started from the checksum stored in the frame before it ("evidence").
 *
 * One crash looks like that too: a big transaction that overwrote one of its own spilled frames has SQLite
 * rewrite the checksums after writing the commit frame (walRewriteChecksums); killed there, the last
 * transaction has a bad frame followed by good ones and its commit frame. So the LAST transaction of the WAL
 * alone is never reported (it was not yet acknowledged, or is the one a torn commit may cost): damage is
 * evidence followed by two commit frames, or by one commit frame that later well-formed frames follow.
 */

const WAL_HEADER_BYTES = 32;
const FRAME_HEADER_BYTES = 24;
const MAGIC_LITTLE_ENDIAN = 0x377f0682;
const MAGIC_BIG_ENDIAN = 0x377f0683;
const WAL_FORMAT_VERSION = 3007000;
/** SQLCipher v4's page size, used only when the header itself is unreadable. */
const DEFAULT_PAGE_SIZE = 4096;

export interface WalLoss {
  /** 1-based frame at which SQLite stops reading (0: the header itself is invalid). */
  firstInvalidFrame: number;
  /** Commit frames after that point: transactions that were committed and would be dropped. */
  droppedCommits: number;
  framesInFile: number;
}

type Checksum = [number, number];

/** SQLite's WAL checksum over 32-bit word pairs (fileformat2 §4.3), continuing from `seed`. */
export function walChecksum(bytes: Buffer, seed: Checksum, bigEndian: boolean): Checksum {
  let s0 = seed[0];
  let s1 = seed[1];
  for (let i = 0; i + 8 <= bytes.length; i += 8) {
    s0 = (s0 + (bigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i)) + s1) >>> 0;
    s1 = (s1 + (bigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4)) + s0) >>> 0;
  }
  return [s0, s1];
}

function plausiblePageSize(n: number): boolean {
  return n >= 512 && n <= 65536 && (n & (n - 1)) === 0;
}

/** Reads `walPath` frame by frame (it can be many MB) and says whether committed frames would be skipped. */
export function findWalLoss(walPath: string): WalLoss | null {
  if (!existsSync(walPath)) return null;
  const fd = openSync(walPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < WAL_HEADER_BYTES) return null; // never written past a torn header: nothing was committed in it
    const header = Buffer.alloc(WAL_HEADER_BYTES);
    readSync(fd, header, 0, WAL_HEADER_BYTES, 0);
    const magic = header.readUInt32BE(0);
    const knownMagic = magic === MAGIC_LITTLE_ENDIAN || magic === MAGIC_BIG_ENDIAN;
    const bigEndian = knownMagic ? magic === MAGIC_BIG_ENDIAN : endianness() === 'BE';
    const headerPageSize = header.readUInt32BE(8);
    const pageSize = plausiblePageSize(headerPageSize) ? headerPageSize : DEFAULT_PAGE_SIZE;
    const stored: Checksum = [header.readUInt32BE(24), header.readUInt32BE(28)];
    const computed = walChecksum(header.subarray(0, 24), [0, 0], bigEndian);
    const headerValid =
      knownMagic && header.readUInt32BE(4) === WAL_FORMAT_VERSION && plausiblePageSize(headerPageSize) && computed[0] === stored[0] && computed[1] === stored[1];

    const frameBytes = FRAME_HEADER_BYTES + pageSize;
    const framesInFile = Math.floor((size - WAL_HEADER_BYTES) / frameBytes);
    const frame = Buffer.alloc(frameBytes);
    // With an invalid header, its salts may be the damaged bytes: the first frame's salts stand in for them.
    let salts: [number, number] | null = headerValid ? [header.readUInt32BE(16), header.readUInt32BE(20)] : null;
    let previousStored: Checksum = stored;
    let firstInvalidFrame: number | null = headerValid ? null : 0;
    let evidence = false;
    let droppedCommits = 0;
    let wellFormedAfterLastCommit = 0;

    for (let n = 1; n <= framesInFile; n++) {
      readSync(fd, frame, 0, frameBytes, WAL_HEADER_BYTES + (n - 1) * frameBytes);
      const frameSalts: [number, number] = [frame.readUInt32BE(8), frame.readUInt32BE(12)];
      salts ??= frameSalts;
      const saltsMatch = frameSalts[0] === salts[0] && frameSalts[1] === salts[1];
      const own: Checksum = [frame.readUInt32BE(16), frame.readUInt32BE(20)];
      const sum = walChecksum(frame.subarray(FRAME_HEADER_BYTES), walChecksum(frame.subarray(0, 8), previousStored, bigEndian), bigEndian);
      const wellFormed = saltsMatch && sum[0] === own[0] && sum[1] === own[1];
      const isCommit = frame.readUInt32BE(4) !== 0;
      previousStored = own;

      if (firstInvalidFrame === null) {
        // Still inside the prefix SQLite replays: every frame so far chained from the header.
        if (!wellFormed) firstInvalidFrame = n;
        continue;
      }
      if (wellFormed) evidence = true;
      if (!evidence || !saltsMatch) continue;
      if (isCommit) {
        droppedCommits++;
        wellFormedAfterLastCommit = 0;
      } else if (wellFormed) {
        wellFormedAfterLastCommit++;
      }
    }
    if (firstInvalidFrame === null) return null;
    if (droppedCommits < 2 && !(droppedCommits === 1 && wellFormedAfterLastCommit > 0)) return null;
    return { firstInvalidFrame, droppedCommits, framesInFile };
  } finally {
    closeSync(fd);
  }
}

/** The reason a DAMAGED error gives, or null when the WAL replays everything that was committed. */
export function walLossProblem(walPath: string): string | null {
  const loss = findWalLoss(walPath);
  if (!loss) return null;
  const where = loss.firstInvalidFrame === 0 ? 'its header' : `frame ${loss.firstInvalidFrame} of ${loss.framesInFile}`;
  return `the write-ahead log is damaged at ${where}; ${loss.droppedCommits} committed transaction(s) after it would be lost`;
}
