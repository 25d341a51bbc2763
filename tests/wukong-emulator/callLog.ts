/** Every gateway call the emulator answered (or dropped), so tests can assert exactly which calls were made. */

export interface CallRecord {
  seq: number;
  method: string;
  path: string;
  /** Parsed JSON, form fields, or raw text. */
  body: unknown;
  /** Envelope code answered; null when the connection was dropped. */
  code: number | null;
  httpStatus: number | null;
  /** Faults that acted on this call. */
  faults: string[];
  /** User id of the caller's session, when there was one. */
  userId: number | null;
  /**
   * For a `code 500` the emulator produced itself: the Java/MySQL error the real server would hit (e.g.
   * "MySQL 1064: UPDATE wk_admin_role WHERE role_id=?"). The real envelope never carries it.
   */
  reason?: string;
  at: number;
}

export class CallLog {
  private records: CallRecord[] = [];
  private seq = 0;

  add(record: Omit<CallRecord, 'seq'>): CallRecord {
    const full = { ...record, seq: ++this.seq };
    this.records.push(full);
    return full;
  }

  all(): CallRecord[] {
    return this.records.map((r) => ({ ...r, faults: [...r.faults] }));
  }

  clear(): void {
    this.records = [];
  }
}
