/** Reports: the role matrix and the access map as XLSX, CSV or a printable table. */
export { ReportService, reportFileName } from './ReportService';
