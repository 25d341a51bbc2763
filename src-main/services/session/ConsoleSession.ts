import type { Snapshot } from '../../common/domain';
import { AppError } from '../../common/ipc';
import { isStoreError } from '../../store';
import type { DemoSource } from '../demoOrganisation';
import { DraftService, storeDraftRepository } from '../drafts';
import type { EventBus } from '../eventBus';
import type { OpenWorkspace } from '../openWorkspace';
import { SyncWorkflow } from '../sync';
import { DEMO_WORKSPACE_ID, type WorkspaceService, type WorkspaceSummary } from '../workspace';
import type { UnlockSecret, WorkspaceProtection } from '../workspace';

/**
 * What the console is showing: one workspace of the WorkspaceService (the encrypted demo by default), its
 * base snapshot and its drafts. Locking (by hand or after idle time) drops everything decrypted from memory;
 * every view then gets LOCKED until the workspace is unlocked again.
 */
export class ConsoleSession {
  private currentId: string | null = null;
  private snapshotCache: { workspaceId: string; version: number; snapshot: Snapshot } | null = null;
  private draftServices = new Map<string, DraftService>();
  private syncWorkflows = new Map<string, SyncWorkflow>();

  constructor(
    readonly workspaces: WorkspaceService,
    private readonly events: EventBus,
    private readonly demo: DemoSource,
  ) {}

  /** Opens (creating on first run) the built-in demo workspace and shows it. */
  async start(): Promise<void> {
    await this.workspaces.ensureDemo(() => this.demo.make(), this.demo.isCurrent);
    this.currentId = DEMO_WORKSPACE_ID;
    this.prepareSoon();
  }

  get current(): string | null {
    return this.currentId;
  }

  async open(workspaceId: string, secret: UnlockSecret): Promise<WorkspaceSummary> {
    const summary = await this.workspaces.open(workspaceId, secret);
    this.currentId = workspaceId;
    this.events.emit('workspace.changed', { reason: 'workspace opened' });
    this.prepareSoon();
    return summary;
  }

  /** Shows a workspace as it is, locked or not; a locked one is unlocked from the lock screen. */
  select(workspaceId: string): WorkspaceSummary {
    const summary = this.workspaces.summary(workspaceId);
    this.currentId = workspaceId;
    this.events.emit('workspace.changed', { reason: 'workspace opened' });
    return summary;
  }

  async create(name: string, protection: WorkspaceProtection): Promise<WorkspaceSummary> {
    const summary = await this.workspaces.create({ name, protection });
    this.currentId = summary.id;
    this.events.emit('workspace.changed', { reason: 'workspace created' });
    return summary;
  }

  /** The store reports every lock, this one included, through `locked`. */
  lock(workspaceId: string): WorkspaceSummary {
    return this.workspaces.lock(workspaceId);
  }

  /** Called by the store for every lock: by hand, idle, or at shutdown. */
  locked(workspaceId: string) {
    this.draftServices.delete(workspaceId);
    this.connectionChanged(workspaceId);
    if (this.snapshotCache?.workspaceId === workspaceId) this.snapshotCache = null;
    this.events.emit('workspace.changed', { reason: 'workspace locked' });
  }

  /** The shown workspace with its newest snapshot. LOCKED while locked; NOT_FOUND before its first pull. */
  workspace(): OpenWorkspace {
    const id = this.requireCurrent();
    const summary = this.workspaces.summary(id);
    if (summary.locked) throw new AppError('LOCKED', `workspace “${summary.name}” is locked`);
    return { id, name: summary.name, snapshot: () => this.snapshot(id) };
  }

  drafts(): DraftService {
    const workspace = this.workspace();
    let service = this.draftServices.get(workspace.id);
    if (!service) {
      service = new DraftService(storeDraftRepository(this.workspaces.data(workspace.id)), () => this.snapshot(workspace.id), this.events);
      this.draftServices.set(workspace.id, service);
    }
    return service;
  }

  /** One sync workflow (and logged-in connector) per open workspace. */
  sync(): SyncWorkflow {
    const workspace = this.workspace();
    let workflow = this.syncWorkflows.get(workspace.id);
    if (!workflow) {
      workflow = new SyncWorkflow({ data: this.workspaces.data(workspace.id), drafts: () => this.drafts(), events: this.events });
      this.syncWorkflows.set(workspace.id, workflow);
    }
    return workflow;
  }

  /** A new connection profile (or a lock): the next sync call logs in afresh. */
  connectionChanged(workspaceId: string) {
    this.syncWorkflows.get(workspaceId)?.dispose();
    this.syncWorkflows.delete(workspaceId);
  }

  /**
   * Loads and compiles the shown workspace's base (and resumed draft) right after the current call returns, so
   * the first access map or impact does not wait for it: ~0.3 s at 20k people on a loaded machine (docs/performance.md).
   * Nothing to prepare (locked, no snapshot yet) is not an error here: the view that asks will say why.
   */
  private prepareSoon() {
    setTimeout(() => {
      try {
        this.drafts().prepare();
      } catch (error) {
        // Locked, closed or without a snapshot by now: the views say so themselves when they ask. Anything else
        // is a bug worth a line.
        if (!(error instanceof AppError) && !isStoreError(error)) console.error(`[session] preparing the workspace failed: ${String(error)}`);
      }
    }, 0).unref();
  }

  private snapshot(workspaceId: string): Snapshot {
    const data = this.workspaces.data(workspaceId);
    const newest = data.listSnapshots()[0]; // newest first
    if (!newest) throw new AppError('NOT_FOUND', 'this workspace has no snapshot yet: connect to the CRM and pull');
    if (this.snapshotCache?.workspaceId !== workspaceId || this.snapshotCache.version !== newest.version) {
      this.snapshotCache = { workspaceId, version: newest.version, snapshot: data.loadSnapshot(newest.version).snapshot };
    }
    return this.snapshotCache.snapshot;
  }

  private requireCurrent(): string {
    if (this.currentId === null) throw new AppError('NOT_FOUND', 'no workspace is open');
    return this.currentId;
  }
}
