/**
 * One CSV cell: quoted when needed, and a leading =, +, -, @, tab or carriage return neutralised with an
 * apostrophe so spreadsheets (Excel, LibreOffice, Sheets) never evaluate it as a formula (OWASP "CSV
 * injection"). Shared by the audit export (renderer) and the reports (main process).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows of cells as CSV text with CRLF line ends (RFC 4180), every cell through `csvCell`. */
export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
