/**
 * A WukongCRM 11 gateway stand-in for tests and for trying the sync flow: `startEmulator(options)` serves
 * the admin API on 127.0.0.1 from a real SQLite database seeded from a domain `Snapshot`.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Snapshot } from '../../src-main/common/domain';
import { CallLog, type CallRecord } from './callLog';
import { handleControlCall } from './controlApi';
import { openDatabase } from './db/schema';
import { ensureAdministrator, seedFromSnapshot } from './db/seedFromSnapshot';
import { authRoutes } from './endpoints/auth';
import { dataScopeRoutes } from './endpoints/dataScope';
import { deptRoutes } from './endpoints/depts';
import { fieldRoutes } from './endpoints/fields';
import { menuRoutes } from './endpoints/menus';
import { roleRoutes } from './endpoints/roles';
import { roleWriteRoutes } from './endpoints/roleWrites';
import { roleUserRoutes } from './endpoints/roleUsers';
import { userRoutes } from './endpoints/users';
import { userWriteRoutes } from './endpoints/userWrites';
import { generatedSnapshot, type OrganisationOptions } from './generatedSnapshot';
import { Faults, type FaultRule, type FaultTarget } from './faults';
import { LoginAttempts } from './loginAttempts';
import type { MutationInput } from './mutations';
import { randomPassword } from './password';
import { Router } from './route';
import { handleGatewayCall, readBody, sendJson, type EmulatorCore } from './server';
import { SessionStore } from './session';
import { createState, type EmulatorState } from './state';

export type { CallRecord } from './callLog';
export type { MutationInput } from './mutations';
export type { EmulatorState } from './state';
export type { OrganisationOptions } from './generatedSnapshot';
export { generatedSnapshot } from './generatedSnapshot';
export { smallOrganisation } from './smallOrganisation';

export interface EmulatorOptions {
  /** The organisation to serve; default: `generatedSnapshot(organisation)`. */
  snapshot?: Snapshot;
  /** Size and seed of the generated organisation when no snapshot is given. */
  organisation?: OrganisationOptions;
  /** 0 (default) = a random free port. */
  port?: number;
  /** Defaults to a random password that satisfies the server's rule. */
  adminPassword?: string;
  /** Login of the administrator when the snapshot has none to reuse. */
  adminUsername?: string;
  /** Password of every other seeded user. */
  userPassword?: string;
  /** SQLite file; default in memory. Never keyed. An existing emulator database is reopened, not reseeded. */
  dbFile?: string;
  /** Session TTL, sliding (default 7 days, §1.1). */
  tokenTtlMs?: number;
  /** Password-error window (default 3 minutes, §1.1). */
  lockWindowMs?: number;
  /** Token for `/__emulator/*` (default random). */
  controlToken?: string;
}

export interface EmulatorControl {
  /** Fixed delay before every call (matching `path`, when given). 0 turns it off. */
  latency(ms: number, path?: string): void;
  /** The next `count` matching calls answer HTTP 500; `when: 'after'` applies the change first. */
  failNext(count?: number, target?: Omit<FaultTarget, 'count'> & { when?: 'before' | 'after' }): FaultRule;
  /** The next `count` matching calls get their socket destroyed without an answer. */
  dropNext(count?: number, target?: Omit<FaultTarget, 'count'> & { when?: 'before' | 'after' }): FaultRule;
  /** The caller's token is evicted just before the next `count` matching calls (they answer 302, extra 1). */
  evictNext(count?: number, target?: Omit<FaultTarget, 'count'>): FaultRule;
  /** Evict every live token of a user now, as a login elsewhere would. Returns how many. */
  evictSessions(userId: number): number;
  /** Let every live token of a user run out now (plain 302). */
  expireSessions(userId: number): void;
  /** "Another admin edits between two calls": run `mutation` just before the nth call matching `path`. */
  beforeCall(target: Omit<FaultTarget, 'count'>, mutation: MutationInput | (() => void)): FaultRule;
  pendingFaults(): FaultRule[];
  clearFaults(): void;
  /** The call log, optionally only one path. */
  calls(path?: string): CallRecord[];
  clearCalls(): void;
  /** Forget password-error counts (1010 lockouts). */
  unlockLogins(): void;
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

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const adminPassword = options.adminPassword ?? randomPassword();
  const userPassword = options.userPassword ?? 'Passw0rd1';
  const controlToken = options.controlToken ?? randomBytes(16).toString('hex');
  const { db, fresh } = openDatabase(options.dbFile);
  const seedOptions = { userPassword, adminPassword, adminUsername: options.adminUsername };
  // A database file left by an earlier run is served as it is; only the administrator's password is set again.
  const seeded = fresh
    ? seedFromSnapshot(db, options.snapshot ?? generatedSnapshot(options.organisation), seedOptions)
    : { ...db.transaction(() => ensureAdministrator(db, seedOptions))(), ids: { users: new Map(), roles: new Map(), departments: new Map(), menus: new Map() } };
  const sessions = new SessionStore(options.tokenTtlMs ?? 604_800_000);
  const core: EmulatorCore = {
    db,
    sessions,
    loginAttempts: new LoginAttempts(options.lockWindowMs ?? 180_000),
    faults: new Faults(),
    calls: new CallLog(),
    router: new Router([
      ...authRoutes,
      ...deptRoutes,
      ...userRoutes,
      ...userWriteRoutes,
      ...roleRoutes,
      ...roleWriteRoutes,
      ...roleUserRoutes,
      ...dataScopeRoutes,
      ...menuRoutes,
      ...fieldRoutes,
    ]),
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    readBody(req)
      .then((raw) =>
        url.pathname.startsWith('/__emulator/') ? handleControlCall(core, controlToken, req, res, url.pathname, raw) : handleGatewayCall(core, req, res, url, raw),
      )
      .catch((error: unknown) => {
        if (!res.headersSent && !req.socket.destroyed) sendJson(res, 500, { code: 500, msg: String(error), data: null });
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
    evictNext: (count = 1, target = {}) => core.faults.add('evict', { ...target, count }),
    evictSessions: (userId) => sessions.liveTokens(userId).filter((t) => sessions.evict(t)).length,
    expireSessions: (userId) => sessions.liveTokens(userId).forEach((t) => sessions.expire(t)),
    beforeCall: (target, mutation) => core.faults.add('hook', { ...target, count: 1 }, { mutation }),
    pendingFaults: () => core.faults.pending(),
    clearFaults: () => core.faults.clear(),
    calls: (path) => core.calls.all().filter((c) => path === undefined || c.path === path),
    clearCalls: () => core.calls.clear(),
    unlockLogins: () => core.loginAttempts.clear(),
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
    state: createState(db, sessions, seeded.ids),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
