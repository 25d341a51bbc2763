/** One CSV cell: quoted when needed, and a leading =, +, - or @ neutralised so spreadsheets never run it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditCsv(rows: ReadonlyArray<{ seq: number; at: string; actor: string; action: string; details: unknown; hash: string }>): string {
  const header = ['seq', 'at', 'actor', 'action', 'details', 'hash'];
  const lines = rows.map((r) => [String(r.seq), r.at, r.actor, r.action, JSON.stringify(r.details), r.hash].map(csvCell).join(','));
  return [header.join(','), ...lines].join('\r\n') + '\r\n';
}
