/**
 * Store benchmark (`npm run bench:store`): a 100k-user snapshot saved and loaded, 10k draft operations
 * appended, each with and without a key in the same run, plus the row-per-entity layout the store did not
 * choose, measured for comparison. Prints a table; asserts nothing (numbers go to docs/performance.md).
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotSchema, type Snapshot } from '../../src-main/common/domain';
import { generateOrganisation } from '../../src-main/common/generator';
import { loadBundledCatalogue } from '../../src-main/services/resources';
import { WorkspaceService } from '../../src-main/services/workspace';
import {
  appendOperations,
  configureConnection,
  createDraft,
  createStore,
  generateDataKey,
  keyCheckOf,
  loadSnapshot,
  openStore,
  runMigrations,
  saveSnapshot,
  type Db,
} from '../../src-main/store';

const USERS = 100_000;
const OPS = 10_000;
const RUNS = 3;

type Mode = 'sqlcipher' | 'plain';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time and this process's CPU time (user + system). On a shared machine wall time includes waiting
 * for a core; CPU time is what the work itself costs. Both are reported. */
interface Timing {
  wall: number;
  cpu: number;
}

function time(fn: () => void): Timing {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

/** A new workspace file: keyed and migrated through the store, or the same schema with no key at all. */
function createFile(mode: Mode, path: string, key: Buffer): Db {
  if (mode === 'sqlcipher') return createStore(path, key);
  const db = new Database(path);
  runMigrations(db);
  configureConnection(db);
  return db;
}

/** Open exactly as the app does (key, probe, page check, migrations); the plain file skips the key. */
function openFile(mode: Mode, path: string, key: Buffer): Db {
  if (mode === 'sqlcipher') return openStore(path, key, { expectedKeyCheck: keyCheckOf(key) });
  const db = new Database(path, { fileMustExist: true });
  db.pragma('quick_check');
  runMigrations(db);
  configureConnection(db);
  return db;
}

/** One gesture as the renderer sends it: a draft batch granting two permissions to a role. */
function operation(i: number): string {
  return JSON.stringify({ id: `batch-${i}`, ops: [{ type: 'grantPermissions', roleIds: [`${180170 + (i % 30)}`], permissionIds: [`${(i * 7) % 900}`, `${(i * 13) % 900}`] }] });
}

interface Measured {
  save: Timing;
  openLoad: Timing;
  open: Timing;
  appendEach: Timing;
  appendBatch: Timing;
  fileBytes: number;
}
type TimedMeasure = Exclude<keyof Measured, 'fileBytes'>;
const TIMED: readonly TimedMeasure[] = ['save', 'openLoad', 'open', 'appendEach', 'appendBatch'];

/** One run of every measure in one mode, on a fresh file. */
function measureOnce(mode: Mode, snapshot: Snapshot, ops: number): Measured {
  const dir = mkdtempSync(join(tmpdir(), `gatehouse-bench-${mode}-`));
  const path = join(dir, 'bench.gatehouse');
  const key = generateDataKey();
  try {
    let db = createFile(mode, path, key);
    let version = 0;
    const save = time(() => (version = saveSnapshot(db, { snapshot, savedAt: new Date().toISOString() }).version));
    db.close();
    const fileBytes = statSync(path).size;

    let loaded: Snapshot | null = null;
    let open: Timing = { wall: 0, cpu: 0 };
    const openLoad = time(() => {
      open = time(() => (db = openFile(mode, path, key)));
      loaded = loadSnapshot(db, { version }).snapshot;
    });
    if (loaded!.users.length !== snapshot.users.length) throw new Error('the snapshot did not round-trip');

    createDraft(db, { id: 'd1', name: 'bench', baseSnapshotVersion: version, now: 'now' });
    const appendEach = time(() => {
      for (let i = 0; i < ops; i++) appendOperations(db, { draftId: 'd1', operations: [operation(i)], now: 'now' });
    });
    createDraft(db, { id: 'd2', name: 'bench batch', baseSnapshotVersion: version, now: 'now' });
    const batch = Array.from({ length: ops }, (_, i) => operation(i));
    const appendBatch = time(() => appendOperations(db, { draftId: 'd2', operations: batch, now: 'now' }));
    db.close();
    return { save, openLoad, open, appendEach, appendBatch, fileBytes };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Both modes in the same run, interleaved and alternating which goes first, after a warm-up of each:
 * on a shared machine this keeps JIT warm-up and neighbours' load from landing on one mode only.
 */
function measureBoth(snapshot: Snapshot, warmup: Snapshot): Record<Mode, Measured> {
  measureOnce('plain', warmup, 500);
  measureOnce('sqlcipher', warmup, 500);
  const runs: Record<Mode, Measured[]> = { plain: [], sqlcipher: [] };
  for (let run = 0; run < RUNS; run++) {
    const order: Mode[] = run % 2 === 0 ? ['sqlcipher', 'plain'] : ['plain', 'sqlcipher'];
    for (const mode of order) runs[mode].push(measureOnce(mode, snapshot, OPS));
  }
  const summarise = (list: Measured[]): Measured => {
    const out = { fileBytes: median(list.map((r) => r.fileBytes)) } as Measured;
    for (const k of TIMED) out[k] = { wall: median(list.map((r) => r[k].wall)), cpu: median(list.map((r) => r[k].cpu)) };
    return out;
  };
  return { plain: summarise(runs.plain), sqlcipher: summarise(runs.sqlcipher) };
}

/** The layout not chosen: one row per user (roles as JSON), written and read back into objects. */
function measureRowsLayout(snapshot: Snapshot): { write: Timing; read: Timing; bytes: number } {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-rows-'));
  const path = join(dir, 'rows.gatehouse');
  try {
    const db = createStore(path, generateDataKey());
    db.exec(`CREATE TABLE snapshot_users (version INTEGER NOT NULL, id TEXT NOT NULL, login TEXT NOT NULL, name TEXT NOT NULL,
      department_id TEXT NOT NULL, manager_id TEXT, status TEXT NOT NULL, title TEXT NOT NULL, role_ids TEXT NOT NULL, PRIMARY KEY (version, id)) STRICT, WITHOUT ROWID`);
    const insert = db.prepare('INSERT INTO snapshot_users VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)');
    const write = time(() =>
      db.transaction(() => {
        for (const u of snapshot.users) insert.run(u.id, u.login, u.name, u.departmentId, u.managerId, u.status, u.title, JSON.stringify(u.roleIds));
      })(),
    );
    const read = time(() => {
      const rows = db.prepare('SELECT * FROM snapshot_users WHERE version = 1').all() as Array<Record<string, string | null>>;
      const users = rows.map((r) => ({ id: r.id, login: r.login, name: r.name, departmentId: r.department_id, managerId: r.manager_id, status: r.status, title: r.title, roleIds: JSON.parse(r.role_ids!) as string[] }));
      if (users.length !== snapshot.users.length) throw new Error('rows did not round-trip');
    });
    db.close();
    return { write, read, bytes: statSync(path).size };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The path the editor really takes: WorkspaceService validates each entry with the draft batch schema, then
 * the store appends it in its own transaction (and the audit log is not touched per entry).
 */
async function measureServiceAppends(): Promise<Timing> {
  const dir = mkdtempSync(join(tmpdir(), 'gatehouse-bench-service-'));
  const service = new WorkspaceService({ directory: dir, idleLockMs: null, scrypt: { N: 2 ** 14, r: 8, p: 1 } });
  try {
    const { id } = await service.create({ name: 'bench', protection: { kind: 'passphrase', passphrase: 'bench passphrase' } });
    const data = service.data(id);
    data.saveSnapshot(generateOrganisation(loadBundledCatalogue(), { seed: 3, users: 200, departments: 20, customRoles: 5 }));
    const draft = data.createDraft({ name: 'bench' });
    const entries = Array.from({ length: OPS }, (_, i) => JSON.parse(operation(i)) as unknown);
    return time(() => {
      for (const entry of entries) data.appendToDraft(draft.id, [entry]);
    });
  } finally {
    service.lockAll();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const loadStart = loadavg();
  const catalogue = loadBundledCatalogue();
  let snapshot!: Snapshot;
  const generate = time(() => (snapshot = generateOrganisation(catalogue, { seed: 42, users: USERS, departments: 2_000, customRoles: 60 })));
  const jsonBytes = Buffer.byteLength(JSON.stringify(snapshot));

  const warmup = generateOrganisation(catalogue, { seed: 7, users: 5_000, departments: 200, customRoles: 10 });
  const { sqlcipher: encrypted, plain } = measureBoth(snapshot, warmup);
  const rows = measureRowsLayout(snapshot);
  // What full zod validation adds to every load (the store validates with the domain snapshotSchema).
  const zod = median([0, 1, 2].map(() => time(() => snapshotSchema.parse(snapshot)).cpu));
  const serviceAppends = await measureServiceAppends();

  const ms = (v: number) => `${v.toFixed(0)} ms`;
  const pair = (t: Timing) => `${ms(t.wall)} (cpu ${ms(t.cpu)})`;
  const ratio = (a: Timing, b: Timing) => `${(a.wall / b.wall).toFixed(2)}× (cpu ${(a.cpu / b.cpu).toFixed(2)}×)`;
  const row = (label: string, k: TimedMeasure, target: string) => [label, pair(encrypted[k]), pair(plain[k]), ratio(encrypted[k], plain[k]), target];
  const table = [
    ['measure', 'SQLCipher: wall (cpu)', 'no key: wall (cpu)', 'ratio', 'target'],
    row(`save ${USERS / 1000}k-user snapshot`, 'save', '≤ 3000 ms, ≤ 1.5×'),
    row('open + load it', 'openLoad', '≤ 2000 ms'),
    row('  of which open (key, probe, quick_check)', 'open', ''),
    row(`append ${OPS / 1000}k ops, one transaction each`, 'appendEach', '≤ 1000 ms, ≤ 1.5×'),
    row(`append ${OPS / 1000}k ops in one call`, 'appendBatch', ''),
    ['file size after save', `${(encrypted.fileBytes / 1e6).toFixed(2)} MB`, `${(plain.fileBytes / 1e6).toFixed(2)} MB`, '', ''],
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((r) => r[c]!.length)));
  console.log(`\nStore benchmark — ${new Date().toISOString()} — Node ${process.versions.node}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  console.log(`snapshot: ${USERS} users, ${snapshot.departments.length} departments, ${snapshot.roles.length} roles, ${snapshot.permissions.length} permissions; JSON ${(jsonBytes / 1e6).toFixed(1)} MB; generated in ${ms(generate.wall)}`);
  console.log(`load average at start ${loadStart.map((l) => l.toFixed(1)).join(' ')}, at end ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(`median of ${RUNS} interleaved runs per mode, after one warm-up run of each\n`);
  for (const row of table) console.log('| ' + row.map((cell, c) => cell.padEnd(widths[c]!)).join(' | ') + ' |');
  console.log(`\nrow-per-user layout (not used), SQLCipher: write ${pair(rows.write)}, read back ${pair(rows.read)} (users only, no validation), file ${(rows.bytes / 1e6).toFixed(2)} MB`);
  console.log(`append ${OPS / 1000}k entries through WorkspaceService.appendToDraft (draft schema validation, one transaction each), SQLCipher: ${pair(serviceAppends)}`);
  console.log(`zod snapshotSchema.parse of the 100k snapshot (part of every save and load): cpu ${ms(zod)}`);
}

await main();
