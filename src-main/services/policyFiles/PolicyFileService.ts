import { apply } from '../../common/draft';
import type { Snapshot } from '../../common/domain';
import type { ChannelOutput } from '../../common/ipc';
import { AppError } from '../../common/ipc';
import type { DraftService } from '../drafts';
import type { WorkspaceData } from '../workspace';
import type { ReadResult } from './readPolicyFile';
import { text } from './problemText';
import { writeDraftFile, writeSnapshotFile } from './writePolicyFile';

type Locale = 'en' | 'zh-CN';
type ImportOutcome = ChannelOutput<'policy.import'>;

/**
 * Exports a draft or a snapshot as a policy file and imports one back. An imported draft becomes a new draft,
 * recorded only if every gesture passes the server's rules against the current base; an imported snapshot
 * becomes the newest snapshot (like a pull from a file), refused if an existing draft would no longer apply
 * to it. A bad file changes nothing.
 */
export class PolicyFileService {
  constructor(
    private readonly drafts: DraftService,
    private readonly data: WorkspaceData,
    /** Reads and checks the text: `PolicyFileReader` in the app, so a large file never stalls the main process. */
    private readonly read: (source: string) => Promise<ReadResult>,
  ) {}

  exportDraft(draftId: string, locale: Locale): { fileName: string; text: string } {
    const draft = this.drafts.list().drafts.find((d) => d.id === draftId);
    if (!draft) throw new AppError('NOT_FOUND', `draft ${draftId} does not exist`);
    const yaml = writeDraftFile(draft, this.drafts.batches(draftId), this.drafts.states(draftId), locale);
    return { fileName: `${slug(draft.name)}.draft.yaml`, text: yaml };
  }

  exportSnapshot(draftId: string | null, locale: Locale): { fileName: string; text: string } {
    const snapshot = this.drafts.projection(draftId).snapshot;
    const version = draftId === null ? this.baseVersion() : null;
    const name = draftId === null ? `snapshot-v${version}` : `${slug(this.drafts.list().drafts.find((d) => d.id === draftId)?.name ?? 'draft')}-projection`;
    return { fileName: `${name}.snapshot.yaml`, text: writeSnapshotFile(snapshot, version, locale) };
  }

  async import(source: string): Promise<ImportOutcome> {
    const read = await this.read(source);
    if (!read.ok) return { status: 'invalid', problems: read.problems };
    const file = read.file;
    if (file.kind === 'draft') {
      const batches = file.gestures.map((g) => ({ id: g.id, ...(g.label === undefined ? {} : { label: g.label }), ops: g.operations }));
      const created = this.drafts.createFrom(file.name, batches);
      if (!created.created) return { status: 'refused', problems: created.errors.map((e) => ({ number: e.number, problem: e.problem })) };
      return { status: 'draft', draft: created.draft, fileBaseVersion: file.baseVersion, baseVersion: this.baseVersion() };
    }
    const snapshot: Snapshot = { ...file.snapshot, source: { ...file.snapshot.source, kind: 'file' } };
    const broken = this.draftsBrokenBy(snapshot);
    if (broken.length > 0) {
      return {
        status: 'invalid',
        problems: broken.map((name) => ({
          line: 0,
          column: 0,
          field: '',
          message: text(`Draft "${name}" would no longer apply to this snapshot; export or discard it first.`, `草稿「${name}」将无法应用到此快照上；请先导出或丢弃它。`),
        })),
      };
    }
    return { status: 'snapshot', version: this.data.saveSnapshot(snapshot).version };
  }

  /** Drafts whose gestures reference something the new snapshot lacks (views would fail to show them). */
  private draftsBrokenBy(snapshot: Snapshot): string[] {
    return this.drafts.list().drafts.flatMap((d) => {
      try {
        let state = snapshot;
        for (const batch of this.drafts.batches(d.id)) state = apply(state, batch, { rules: 'structural' });
        return [];
      } catch {
        return [d.name];
      }
    });
  }

  private baseVersion(): number {
    const newest = this.data.listSnapshots()[0];
    if (!newest) throw new AppError('NOT_FOUND', 'this workspace has no snapshot yet');
    return newest.version;
  }
}

/** A file name from a draft name: letters (any script) and digits kept, the rest joined by dashes. */
export function slug(name: string): string {
  const s = name.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return s || 'draft';
}
