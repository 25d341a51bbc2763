import ExcelJS from 'exceljs';
import type { ReportTable } from '../../common/ipc';

/** Light fills per scope name position (none … all), matching the access map's "more reach = warmer" order. */
const FILLS = ['FFF3F4F6', 'FFDBEAFE', 'FFD1FAE5', 'FFFEF3C7', 'FFFED7AA', 'FFFECACA'];

/**
 * A report table as an XLSX workbook for sign-off: one sheet, bold frozen header and key columns, an auto
 * filter, and scope cells filled by level so a printed sheet still reads at a glance. Cells are written as
 * strings (never formulas), so nothing in a name can run in Excel.
 */
export async function tableToXlsx(table: ReportTable, scopeOrder: readonly string[], meta: { creator: string; created: Date }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = meta.creator;
  workbook.created = meta.created;
  workbook.modified = meta.created;
  const sheet = workbook.addWorksheet(table.title.slice(0, 31), {
    views: [{ state: 'frozen', xSplit: table.keyColumns, ySplit: 1 }],
  });
  sheet.addRow(table.columns);
  for (const row of table.rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).alignment = { vertical: 'top', wrapText: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  table.columns.forEach((heading, c) => {
    const column = sheet.getColumn(c + 1);
    const longest = Math.max(heading.length / 2, ...table.rows.slice(0, 200).map((r) => (r[c] ?? '').length));
    column.width = Math.min(48, Math.max(8, Math.ceil(longest * (c < table.keyColumns ? 1.2 : 1.6))));
  });
  for (let r = 0; r < table.rows.length; r++) {
    const row = sheet.getRow(r + 2);
    for (let c = table.keyColumns; c < table.columns.length; c++) {
      const level = scopeOrder.indexOf(table.rows[r]![c] ?? '');
      if (level >= 0) row.getCell(c + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[level]! } };
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
