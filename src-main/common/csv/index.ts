/** CSV as spreadsheets read it safely (quoted, formula-neutralised cells), for reports and the audit export. */
export { csvCell, csvText } from './csvCell';
