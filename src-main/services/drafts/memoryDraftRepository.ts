import type { DraftRecord, DraftRepository } from './draftRecord';

/** Drafts kept for the life of the process (the demo workspace before it has an encrypted file). */
export function memoryDraftRepository(): DraftRepository {
  const records = new Map<string, DraftRecord>();
  return {
    list: () => [...records.values()],
    save: (record) => void records.set(record.id, record),
    remove: (draftId) => void records.delete(draftId),
  };
}
