import { csvCell } from '../../../src-main/common/csv';

// The cell rule is shared with the reports' CSV export; re-exported for the audit view's callers.
export { csvCell };

export function auditCsv(rows: ReadonlyArray<{ seq: number; at: string; actor: string; action: string; details: unknown; hash: string }>): string {
  const header = ['seq', 'at', 'actor', 'action', 'details', 'hash'];
  const lines = rows.map((r) => [String(r.seq), r.at, r.actor, r.action, JSON.stringify(r.details), r.hash].map(csvCell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
