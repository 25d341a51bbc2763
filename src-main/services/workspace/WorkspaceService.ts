import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Snapshot } from '../../common/domain';
import { draftBatchSchema } from '../../common/draft';
import {
  DEFAULT_SCRYPT,
  StoreError,
  StoreSession,
  appendAudit,
  assertPassphraseStrength,
  auditAnchorPath,
  createStore,
  generateDataKey,
  inTransaction,
  initWorkspaceMeta,
  isStoreError,
  moveAside,
  openStore,
  wipeKey,
  type Db,
  type KeyProviderKind,
  type LockReason,
  type SafeStorageLike,
  type ScryptParams,
  type SnapshotInfo,
} from '../../store';
import { sealKey, unsealKey, type KeyContext, type UnlockSecret, type WorkspaceProtection } from './keyProtection';
import { KeyedMutex } from './keyedMutex';
import { WorkspaceData } from './WorkspaceData';
import { listWorkspaceIds, readHeader, workspacePaths, writeHeader, type KeyState, type WorkspaceHeader } from './workspaceFiles';

export const DEMO_WORKSPACE_ID = 'demo';

export interface WorkspaceSummary {
  id: string;
  name: string;
  kind: 'demo' | 'connected';
  protection: KeyProviderKind;
  locked: boolean;
  createdAt: string;
  /** Set when the database was found damaged and moved aside: the next open starts an empty file. */
  damaged?: { at: string; movedTo: string[] };
}

export interface WorkspaceServiceOptions {
  /** The folder holding one encrypted file (plus a small header) per workspace. Created 0700 if missing. */
  directory: string;
  /** Electron's safeStorage, passed in by src-main/app; null where there is none (browser host, tests). */
  safeStorage?: SafeStorageLike | null;
  /** Lock a workspace after this long unused; null never. Default 15 minutes. */
  idleLockMs?: number | null;
  /** scrypt cost for new passphrases (tests lower it; stored per workspace, so opening is unaffected). */
  scrypt?: ScryptParams;
  now?: () => Date;
  /** Who the audit log names as the actor. */
  actor?: string;
  /**
   * Validates one stored draft entry (one undo step). Default: common/draft's `draftBatchSchema` — one
   * gesture, one batch, one undo step. Whatever it returns is what is stored, as JSON text.
   */
  parseDraftEntry?: (raw: unknown) => unknown;
  onLocked?: (event: { workspaceId: string; reason: LockReason }) => void;
}

/**
 * The workspace use cases the IPC handlers call: list, create, open/unlock, lock, change passphrase, and
 * (through `data(id)`) snapshots, drafts, push journals and the audit log. Knows files and keys, never SQL.
 * Lifecycle calls are async (scrypt runs off the main thread); data calls are synchronous like SQLite.
 */
export class WorkspaceService {
  readonly #options: Required<Omit<WorkspaceServiceOptions, 'onLocked'>> & Pick<WorkspaceServiceOptions, 'onLocked'>;
  readonly #sessions = new Map<string, StoreSession>();
  readonly #mutex = new KeyedMutex();

  constructor(options: WorkspaceServiceOptions) {
    this.#options = {
      safeStorage: null,
      idleLockMs: 15 * 60_000,
      scrypt: DEFAULT_SCRYPT,
      now: () => new Date(),
      actor: 'local user',
      parseDraftEntry: (raw) => draftBatchSchema.parse(raw),
      ...options,
    };
  }

  get directory(): string {
    return this.#options.directory;
  }

  /** Every workspace whose header can be read. One unreadable header must not hide the others: see `unreadable()`. */
  list(): WorkspaceSummary[] {
    return this.#scan().summaries;
  }

  /** Workspaces whose header file cannot be read (hand-edited, truncated): what to tell the user about. */
  unreadable(): Array<{ id: string; message: string }> {
    return this.#scan().unreadable;
  }

  summary(id: string): WorkspaceSummary {
    return this.#summary(readHeader(this.directory, id));
  }

  /** Create a connected workspace, protected as chosen, and leave it unlocked. */
  async create(args: { name: string; protection: WorkspaceProtection }): Promise<WorkspaceSummary> {
    return this.#create({ id: randomUUID(), name: args.name, kind: 'connected', protection: args.protection });
  }

  /**
   * The built-in demo: created on first use from `makeSnapshot()` with a 0600 key file (made-up data, so no
   * passphrase), opened on later uses. The console starts on it, so a damaged demo file does not stop the
   * start: it is moved aside like any other, a fresh demo is seeded, and its audit log says where the old
   * file went. A lost demo key file makes the demo file unreadable for good: both are treated the same way.
   * Every other error (a key file others can read, a newer version) is thrown.
   * With `isCurrent`, a newest snapshot it rejects (e.g. a generated organisation of another size) gets a newly
   * made snapshot saved over it as a new version; the older versions stay in the store.
   */
  async ensureDemo(makeSnapshot: () => Snapshot, isCurrent?: (newest: SnapshotInfo) => boolean): Promise<WorkspaceSummary> {
    const paths = workspacePaths(this.directory, DEMO_WORKSPACE_ID);
    if (!existsSync(paths.header)) {
      await this.#create({ id: DEMO_WORKSPACE_ID, name: 'Demo', kind: 'demo', protection: { kind: 'keyFile' } });
    } else if (existsSync(paths.database) && !existsSync(paths.keyFile)) {
      const movedTo = [...moveAside(paths.database, this.#options.now()), ...moveAside(paths.header, this.#options.now())];
      await this.#create({ id: DEMO_WORKSPACE_ID, name: 'Demo', kind: 'demo', protection: { kind: 'keyFile' } });
      this.#audit(DEMO_WORKSPACE_ID, 'workspace.recreatedAfterDamage', { reason: 'the demo key file was missing', movedTo });
    } else {
      try {
        await this.open(DEMO_WORKSPACE_ID);
      } catch (error) {
        if (!isStoreError(error, 'DAMAGED')) throw error;
        await this.open(DEMO_WORKSPACE_ID); // the file is aside now: this starts a fresh one
      }
    }
    const data = this.data(DEMO_WORKSPACE_ID);
    const newest = data.listSnapshots()[0]; // newest first
    if (!newest || (isCurrent && !isCurrent(newest))) data.saveSnapshot(makeSnapshot());
    return this.summary(DEMO_WORKSPACE_ID);
  }

  /**
   * Unlock a workspace: unseal its key (passphrase, keychain or demo key file), open and check the file.
   * WRONG_KEY changes nothing on disk. DAMAGED has moved the file aside; the next open starts an empty one.
   */
  async open(id: string, secret: UnlockSecret = {}): Promise<WorkspaceSummary> {
    return this.#mutex.run(id, async () => {
      if (this.#sessions.get(id)?.locked === false) return this.summary(id);
      const header = readHeader(this.directory, id);
      const paths = workspacePaths(this.directory, id);
      if (header.damaged && !existsSync(paths.database)) return this.#recreateAfterDamage(header, secret);
      const { db, key } = header.pendingKey ? await this.#openAfterInterruptedRekey(header, secret) : await this.#openWith(header, header.key, secret, true);
      const session = this.#startSession(id, db, key);
      // A workspace from before audit anchors gets one now; the log says so, so that a deleted anchor
      // (which looks the same) leaves a trace.
      this.#audit(id, 'workspace.unlocked', session.auditAnchorCreated ? { auditAnchor: 'created' } : {});
      return this.summary(id);
    });
  }

  unlock(id: string, passphrase: string): Promise<WorkspaceSummary> {
    return this.open(id, { passphrase });
  }

  lock(id: string): WorkspaceSummary {
    this.#sessions.get(id)?.lock('manual');
    return this.summary(id);
  }

  /** Lock every workspace (app quit). */
  lockAll(reason: LockReason = 'shutdown'): void {
    for (const session of this.#sessions.values()) session.lock(reason);
  }

  /**
   * Check the current passphrase, then give the workspace a NEW random data key sealed by the new
   * passphrase (rotating the key, not just re-wrapping it, so an old copy of the header plus the old
   * passphrase no longer opens the file). Crash-safe: the new key is recorded as pending before the rekey
   * and made current after it; an interrupted change leaves a file that one of the two keys opens.
   */
  async changePassphrase(id: string, args: { current: string; next: string }): Promise<void> {
    await this.#mutex.run(id, async () => {
      const header = readHeader(this.directory, id);
      if (header.key.sealedKey.provider !== 'passphrase') throw new StoreError('CONFLICT', 'this workspace is not protected by a passphrase');
      assertPassphraseStrength(args.next);
      const context = this.#keyContext(header);
      let session = this.#sessions.get(id);
      if (!session || session.locked) {
        // Unlocking checks the current passphrase (and handles a damaged file like any unlock).
        const { db, key } = await this.#openWith(header, header.key, { passphrase: args.current }, true);
        session = this.#startSession(id, db, key);
      } else {
        wipeKey(await unsealKey(header.key, { passphrase: args.current }, context));
      }
      const newKey = generateDataKey();
      let next: KeyState;
      try {
        next = await sealKey(newKey, { kind: 'passphrase', passphrase: args.next }, context);
      } catch (error) {
        wipeKey(newKey);
        throw error;
      }
      writeHeader(this.directory, { ...header, pendingKey: next });
      try {
        session.rekey(newKey);
      } catch (error) {
        // SQLCipher rekeys inside one transaction: on failure the file is still under the old key.
        wipeKey(newKey);
        writeHeader(this.directory, header);
        throw error;
      }
      writeHeader(this.directory, { ...header, key: next, pendingKey: undefined });
      this.#audit(id, 'workspace.passphraseChanged', {});
    });
  }

  /** Snapshots, drafts, push journals, connection profile and audit log of an unlocked workspace. */
  data(id: string): WorkspaceData {
    return new WorkspaceData({
      use: (fn) => this.#use(id, fn),
      verifyAudit: () => this.#use(id, () => this.#sessions.get(id)!.verifyAudit()),
      now: () => this.#options.now().toISOString(),
      actor: this.#options.actor,
      parseDraftEntry: this.#options.parseDraftEntry,
    });
  }

  // ---- internals -------------------------------------------------------------------------------------

  async #create(args: { id: string; name: string; kind: 'demo' | 'connected'; protection: WorkspaceProtection | { kind: 'keyFile' } }): Promise<WorkspaceSummary> {
    mkdirSync(this.directory, { recursive: true, mode: 0o700 });
    const createdAt = this.#options.now().toISOString();
    const header0 = { format: 1 as const, id: args.id, name: args.name, kind: args.kind, createdAt };
    const paths = workspacePaths(this.directory, args.id);
    if (existsSync(paths.header) || existsSync(paths.database)) throw new StoreError('ALREADY_EXISTS', `workspace ${args.id} already exists`);
    const key = generateDataKey();
    let db: Db | null = null;
    try {
      const keyState = await sealKey(key, args.protection, this.#keyContext(header0));
      db = createStore(paths.database, key);
      const created = db;
      inTransaction(created, () => {
        initWorkspaceMeta(created, { id: args.id, name: args.name, kind: args.kind, createdAt });
        appendAudit(created, { at: createdAt, actor: this.#options.actor, action: 'workspace.created', details: { kind: args.kind, protection: keyState.sealedKey.provider } });
      });
      // The header comes last: a crash before it leaves an unlisted file, never a listed workspace without one.
      writeHeader(this.directory, { ...header0, key: keyState });
      this.#startSession(args.id, created, key);
      return this.summary(args.id);
    } catch (error) {
      if (db?.open) db.close();
      wipeKey(key);
      throw error;
    }
  }

  async #openWith(header: WorkspaceHeader, state: KeyState, secret: UnlockSecret, keyCheckKnown: boolean): Promise<{ db: Db; key: Buffer }> {
    const context = this.#keyContext(header);
    const key = await unsealKey(state, secret, context);
    try {
      const db = openStore(context.paths.database, key, {
        // Only with a trusted key check may an unreadable file be declared damaged and moved aside.
        ...(keyCheckKnown ? { expectedKeyCheck: state.keyCheck } : {}),
        now: this.#options.now,
      });
      return { db, key };
    } catch (error) {
      wipeKey(key);
      if (isStoreError(error, 'DAMAGED')) {
        writeHeader(this.directory, { ...header, damaged: { at: this.#options.now().toISOString(), movedTo: (error.details.movedTo as string[]) ?? [] } });
      }
      throw error;
    }
  }

  /** A change of passphrase was interrupted: the file is under the old key or the new one. Try both. */
  async #openAfterInterruptedRekey(header: WorkspaceHeader, secret: UnlockSecret): Promise<{ db: Db; key: Buffer }> {
    for (const state of [header.key, header.pendingKey!]) {
      try {
        const opened = await this.#openWith(header, state, secret, false);
        writeHeader(this.directory, { ...header, key: state, pendingKey: undefined });
        return opened;
      } catch (error) {
        if (!isStoreError(error, 'WRONG_KEY')) throw error;
      }
    }
    throw new StoreError('WRONG_KEY', 'the passphrase is not right for this workspace; nothing was changed');
  }

  async #recreateAfterDamage(header: WorkspaceHeader, secret: UnlockSecret): Promise<WorkspaceSummary> {
    const context = this.#keyContext(header);
    const key = await unsealKey(header.key, secret, context);
    const db = createStore(context.paths.database, key);
    const at = this.#options.now().toISOString();
    inTransaction(db, () => {
      initWorkspaceMeta(db, { id: header.id, name: header.name, kind: header.kind, createdAt: header.createdAt });
      appendAudit(db, { at, actor: this.#options.actor, action: 'workspace.recreatedAfterDamage', details: { damagedAt: header.damaged?.at, movedTo: header.damaged?.movedTo } });
    });
    writeHeader(this.directory, { ...header, damaged: undefined });
    this.#startSession(header.id, db, key);
    return this.summary(header.id);
  }

  #scan(): { summaries: WorkspaceSummary[]; unreadable: Array<{ id: string; message: string }> } {
    const summaries: WorkspaceSummary[] = [];
    const unreadable: Array<{ id: string; message: string }> = [];
    for (const id of listWorkspaceIds(this.directory)) {
      try {
        summaries.push(this.#summary(readHeader(this.directory, id)));
      } catch (error) {
        if (!isStoreError(error, 'INVALID_DATA')) throw error;
        unreadable.push({ id, message: error.message });
      }
    }
    return { summaries, unreadable };
  }

  #startSession(id: string, db: Db, key: Buffer): StoreSession {
    const session = new StoreSession(db, key, {
      idleLockMs: this.#options.idleLockMs,
      auditAnchorPath: auditAnchorPath(workspacePaths(this.directory, id).database),
      onLocked: (reason) => this.#options.onLocked?.({ workspaceId: id, reason }),
    });
    this.#sessions.set(id, session);
    return session;
  }

  #use<T>(id: string, fn: (db: Db) => T): T {
    const session = this.#sessions.get(id);
    if (!session) {
      readHeader(this.directory, id); // NOT_FOUND for an unknown id
      throw new StoreError('LOCKED', 'the workspace is locked; unlock it to continue');
    }
    return session.use(fn);
  }

  #audit(id: string, action: string, details: Record<string, unknown>): void {
    this.#use(id, (db) => appendAudit(db, { at: this.#options.now().toISOString(), actor: this.#options.actor, action, details }));
  }

  #keyContext(header: Pick<WorkspaceHeader, 'id' | 'kind'>): KeyContext {
    return {
      workspaceId: header.id,
      isDemo: header.kind === 'demo' && header.id === DEMO_WORKSPACE_ID,
      paths: workspacePaths(this.directory, header.id),
      safeStorage: this.#options.safeStorage,
      scrypt: this.#options.scrypt,
    };
  }

  #summary(header: WorkspaceHeader): WorkspaceSummary {
    const session = this.#sessions.get(header.id);
    return {
      id: header.id,
      name: header.name,
      kind: header.kind,
      protection: header.key.sealedKey.provider,
      locked: !session || session.locked,
      createdAt: header.createdAt,
      ...(header.damaged ? { damaged: header.damaged } : {}),
    };
  }
}

