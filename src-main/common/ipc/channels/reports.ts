import { z } from 'zod';
import { channel, localeSchema } from '../channel';

const draftIdSchema = z.string().min(1).max(128);

export const reportKindSchema = z.enum(['roleMatrix', 'accessMap']);
export type ReportKind = z.infer<typeof reportKindSchema>;

/** A report as a table: what the CSV and XLSX files hold and what the printable page shows. */
export const reportTableSchema = z.object({
  title: z.string(),
  /** Column headings; `rows` are the same width. */
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** How many leading columns name the row (they stay visible and are not scope cells). */
  keyColumns: z.number().int().nonnegative(),
});
export type ReportTable = z.infer<typeof reportTableSchema>;

export const reportsChannels = {
  /** The role matrix or the access map as XLSX (base64) or CSV (text), for the base or a draft's projection. */
  'reports.export': channel(
    z.object({ report: reportKindSchema, format: z.enum(['xlsx', 'csv']), draftId: draftIdSchema.nullable(), locale: localeSchema }).strict(),
    z.object({ fileName: z.string(), mimeType: z.string(), encoding: z.enum(['base64', 'utf8']), data: z.string() }),
  ),
  /** The same report as a table, for the printable access report. */
  'reports.table': channel(
    z.object({ report: reportKindSchema, draftId: draftIdSchema.nullable(), locale: localeSchema }).strict(),
    reportTableSchema,
  ),
};
