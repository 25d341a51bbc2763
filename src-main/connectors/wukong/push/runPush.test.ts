import { describe, expect, it } from 'vitest';
import type { JournalRecord, PushJournalPort } from '../../pushJournal';
import { WukongSession } from '../session';
import { runPush } from './runPush';

/** Journal in memory: only for the runner's own logic; integration tests use the encrypted store. */
class MemoryJournal implements PushJournalPort {
  constructor(readonly record: JournalRecord) {}
  create(): JournalRecord {
    throw new Error('not used');
  }
  get(): JournalRecord {
    return structuredClone(this.record);
  }
  markSent(_: string, seq: number): void {
    this.record.calls[seq - 1]!.status = 'sent';
  }
  markDone(_: string, seq: number, response: unknown): void {
    Object.assign(this.record.calls[seq - 1]!, { status: 'done', response });
  }
  markFailed(_: string, seq: number, error: string): void {
    Object.assign(this.record.calls[seq - 1]!, { status: 'failed', error });
  }
  finish(): void {}
}

const noNetwork = (() => {
  throw new Error('no HTTP call expected');
}) as unknown as typeof fetch;
const session = () => new WukongSession({ serverUrl: 'http://crm.test', username: 'admin', password: 'x' }, { fetch: noNetwork });

const createRole = { kind: 'createRole', ref: 'new-role:a', roleType: 2, name: 'A', label: null, existing: [] };
const grant = { kind: 'setRoleAccess', role: 'new-role:a', roleType: 2, grant: ['28'], revoke: [] };

describe('runPush (journal logic)', () => {
  it('skips finished calls, restores the ids they learned, and stops at a call that failed before', async () => {
    const journal = new MemoryJournal({
      id: 'p1',
      draftId: 'd',
      finishedAt: null,
      calls: [
        { seq: 1, endpoint: 'POST /adminRole/add', request: createRole, status: 'done', response: { serverId: '180300' }, error: null },
        { seq: 2, endpoint: 'POST /adminRole/updateRoleMenu', request: grant, status: 'failed', response: null, error: 'BUSINESS_ERROR: 1102' },
        { seq: 3, endpoint: 'POST /adminRole/updateRoleMenu', request: grant, status: 'planned', response: null, error: null },
      ],
    });
    const report = await runPush({ session: session(), journal, pushId: 'p1' });
    expect(report).toMatchObject({ total: 3, done: 1, sent: 0, ids: { 'new-role:a': '180300' } });
    expect(report.failure).toMatchObject({ seq: 2, code: 'PUSH_STOPPED', resumable: false });
    expect(journal.record.calls[2]!.status).toBe('planned');
  });

  it('refuses a journal entry it cannot read rather than guessing', async () => {
    const journal = new MemoryJournal({
      id: 'p2',
      draftId: 'd',
      finishedAt: null,
      calls: [{ seq: 1, endpoint: 'POST /adminRole/add', request: { kind: 'dropTables' }, status: 'planned', response: null, error: null }],
    });
    await expect(runPush({ session: session(), journal, pushId: 'p2' })).rejects.toMatchObject({ code: 'PUSH_STOPPED' });
    expect(journal.record.calls[0]!.status).toBe('planned');
  });
});
