/** Every call the emulator answered (or dropped), so tests can assert exactly which calls were made. */

export interface CallRecord {
  seq: number;
  method: string;
  /** The request path, e.g. `/admin/groups/update` (an `/index.php` prefix removed). */
  path: string;
  /** The request parameters as PHP saw them (`Request::param()`: query merged with the JSON or form body). */
  body: unknown;
  /** Envelope code answered (200, 400, 101, 102, 302 …); null for HTML/text answers and dropped connections. */
  code: number | null;
  /** HTTP status; null when the connection was dropped. */
  httpStatus: number | null;
  /** Faults that acted on this call (`http500:before`, `drop:after`, `failWrite:2`, `hook`, `evict`). */
  faults: string[];
  /** User id of the caller's session (from the authKey cache), when there was one. */
  userId: number | null;
  /** SQL writes the call performed (INSERT/UPDATE/DELETE statements, the failed one included). */
  writes: number;
  /** For an HTTP 500 the emulator produced: the PHP exception behind it (the real page shows it too). */
  error?: string;
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
