/**
 * A WukongCRM 11.0 PHP edition (ThinkPHP 5.0) stand-in for tests: `startEmulator(options)` serves the admin
 * permission API on 127.0.0.1 from a real SQLite database seeded with a small hand-made organisation.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CallLog, type CallRecord } from './callLog';
import { AuthCache } from './context';
import { handleControlCall } from './controlApi';
import { PhpDb } from './db/mysql';
import { openDatabase } from './db/schema';
import { resetAdministrator, seedOrganisation } from './db/seed';
import { indexController } from './endpoints/authList';
import { baseController } from './endpoints/base';
import { fieldGrantController } from './endpoints/fieldGrant';
import { groupsController } from './endpoints/groups';
import { rulesController } from './endpoints/rules';
import { structuresController } from './endpoints/structures';
import { usersController } from './endpoints/users';
import { Faults, type FaultRule, type FaultTarget } from './faults';
import type { MutationInput } from './mutations';
import { Router } from './route';
import { handleCall, readBody, sendJson, type EmulatorCore } from './server';
import { createState, type EmulatorState } from './state';

export type { CallRecord } from './callLog';
export type { MutationInput } from './mutations';
export type { EmulatorState, GroupState, UserState, StructureState, FieldGrantState } from './state';
export { SEED_GROUPS, SEED_RULES, SEED_STRUCTURES, SEED_USERS } from './db/seed';
export { userMd5 } from './auth';

export interface EmulatorOptions {
  /** 0 (default) = a random free port. */
  port?: number;
  /** Administrator (user 1) password; default random. */
  adminPassword?: string;
  /** Administrator login (a mobile number); default 13800000001. */
  adminUsername?: string;
  /** Password of every other seeded user (default Passw0rd1). */
  userPassword?: string;
  /** SQLite file; default in memory. Never keyed. An existing emulator database is reopened, not reseeded. */
  dbFile?: string;
  /** Login lifetime, sliding (cache `expire` of config/config.php: 30 days). */
  loginTtlSeconds?: number;
  /**
   * MySQL strict mode (STRICT_TRANS_TABLES, the MySQL 5.7+ default). Default false: the observed server
   * runs MariaDB with `sql_mode=NO_ENGINE_SUBSTITUTION` (lenient: coerce, truncate, implicit defaults).
   */
  strictMode?: boolean;
  /** Token for `/__emulator/*` (default random). */
  controlToken?: string;
}

export interface EmulatorControl {
  /** Fixed delay before every call (matching `path`, when given). 0 turns it off. */
  latency(ms: number, path?: string): void;
  /** The next `count` matching calls answer HTTP 500 (ThinkPHP's error page); `when: 'after'` applies the call first. */
  failNext(count?: number, target?: Omit<FaultTarget, 'count'> & { when?: 'before' | 'after' }): FaultRule;
  /** The next `count` matching calls get their socket destroyed without an answer (`when: 'after'`: applied first). */
  dropNext(count?: number, target?: Omit<FaultTarget, 'count'> & { when?: 'before' | 'after' }): FaultRule;
  /**
   * In the next matching call the `write`-th SQL write fails (MySQL gone away) and the PHP handles it as it
   * does: its catch → its error envelope, else HTTP 500; earlier writes stay unless inside a transaction.
   */
  failWrite(write: number, target?: Omit<FaultTarget, 'count'> & { count?: number }): FaultRule;
  /** The caller's login is dropped just before the next `count` matching calls (a login elsewhere). */
  evictNext(count?: number, target?: Omit<FaultTarget, 'count'>): FaultRule;
  /** Forget every login of a user now. Returns how many cache entries went. */
  evictSessions(userId: number): number;
  /** Let every login of a user run out now. */
  expireSessions(userId: number): void;
  /** "Another admin edits between two calls": run `mutation` just before the nth call matching `path`. */
  beforeCall(target: Omit<FaultTarget, 'count'>, mutation: MutationInput | (() => void)): FaultRule;
  pendingFaults(): FaultRule[];
  clearFaults(): void;
  /** The call log, optionally only one path (`/admin/groups/update`). */
  calls(path?: string): CallRecord[];
  clearCalls(): void;
}

export interface RunningEmulator {
  url: string;
  port: number;
  adminUsername: string;
  adminPassword: string;
  adminUserId: number;
  userPassword: string;
  controlToken: string;
  control: EmulatorControl;
  state: EmulatorState;
  close(): Promise<void>;
}

const randomPassword = () => `Adm${randomBytes(6).toString('hex')}7`;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const adminPassword = options.adminPassword ?? randomPassword();
  const userPassword = options.userPassword ?? 'Passw0rd1';
  const controlToken = options.controlToken ?? randomBytes(16).toString('hex');
  const loginTtlSeconds = options.loginTtlSeconds ?? 86400 * 30;
  const { db: sqlite, fresh } = openDatabase(options.dbFile);
  const db = new PhpDb(sqlite, options.strictMode ?? false);
  const seedOptions = { adminPassword, userPassword, adminUsername: options.adminUsername };
  const seeded = fresh ? seedOrganisation(db, seedOptions) : resetAdministrator(db, seedOptions);
  const cache = new AuthCache(loginTtlSeconds * 1000);
  const core: EmulatorCore = {
    db,
    cache,
    faults: new Faults(),
    calls: new CallLog(),
    loginTtlSeconds,
    router: new Router([
      { path: 'admin/base', controller: baseController },
      { path: 'admin/index', controller: indexController },
      { path: 'admin/groups', controller: groupsController },
      { path: 'admin/rules', controller: rulesController },
      { path: 'admin/fieldGrant', controller: fieldGrantController },
      { path: 'admin/structures', controller: structuresController },
      { path: 'admin/users', controller: usersController },
    ]),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    readBody(req)
      .then((raw) => (url.pathname.startsWith('/__emulator/') ? handleControlCall(core, controlToken, req, res, url.pathname, raw) : handleCall(core, req, res, url, raw)))
      .catch((error: unknown) => {
        if (!res.headersSent && !req.socket.destroyed) sendJson(res, 500, { error: String(error) });
      });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  const control: EmulatorControl = {
    latency: (ms, path) => core.faults.setLatency(ms, path),
    failNext: (count = 1, target = {}) => core.faults.add('http500', { ...target, count }, { when: target.when }),
    dropNext: (count = 1, target = {}) => core.faults.add('drop', { ...target, count }, { when: target.when }),
    failWrite: (write, target = {}) => core.faults.add('failWrite', target, { write }),
    evictNext: (count = 1, target = {}) => core.faults.add('evict', { ...target, count }),
    evictSessions: (userId) => {
      const keys = cache.keys(userId);
      keys.forEach((k) => cache.delete(k));
      return keys.length;
    },
    expireSessions: (userId) => cache.keys(userId).forEach((k) => cache.expire(k)),
    beforeCall: (target, mutation) => core.faults.add('hook', { ...target, count: 1 }, { mutation }),
    pendingFaults: () => core.faults.pending(),
    clearFaults: () => core.faults.clear(),
    calls: (path) => core.calls.all().filter((c) => path === undefined || c.path === path),
    clearCalls: () => core.calls.clear(),
  };

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    adminUsername: seeded.adminUsername,
    adminPassword,
    adminUserId: seeded.adminUserId,
    userPassword,
    controlToken,
    control,
    state: createState(sqlite, cache),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          sqlite.close();
          resolve();
        });
      }),
  };
}
