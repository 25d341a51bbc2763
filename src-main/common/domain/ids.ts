import { z } from 'zod';

/** Every entity id is a string, whatever the CRM uses (WukongCRM: integers; others: GUIDs). */
export const idSchema = z.string().min(1).max(64);
export type Id = z.infer<typeof idSchema>;

/** Text a person reads, in both languages the console ships. */
export const localizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof localizedTextSchema>;
