import { z } from 'zod';
import { snapshotSchema } from '../domain';
import { draftOperationSchema } from '../draft';

/**
 * Policy files: a draft or a whole snapshot as a file people review in git or send to a colleague. The YAML
 * text is written and read in the main process (services/policyFiles); this is what it must contain. Unknown
 * fields are refused too (the reader compares what it read with what these schemas keep), so a typo in a
 * hand-edited file is reported instead of silently dropped.
 */
export const POLICY_FILE_FORMAT = 'gatehouse-policy/1';

/**
 * The operation schemas of the contract, strict: a misspelt field in a hand-edited file is an error beside the
 * missing one it causes, not silently dropped. Refinements (the `at` hints) are kept by `.strict()`.
 */
const strictOperationSchema = z.discriminatedUnion(
  'type',
  draftOperationSchema.options.map((o) => o.strict()) as unknown as typeof draftOperationSchema.options,
);

const formatSchema = z.literal(POLICY_FILE_FORMAT, { error: `expected format: ${POLICY_FILE_FORMAT}` });

export const gestureFileSchema = z
  .object({
    id: z.string().min(1).max(128),
    label: z.string().max(500).optional(),
    operations: z.array(strictOperationSchema).min(1).max(10_000),
  })
  .strict();

export const draftFileSchema = z
  .object({
    format: formatSchema,
    kind: z.literal('draft'),
    name: z.string().trim().min(1).max(120),
    /** The snapshot version the draft was made against; informative, the import checks against the current base. */
    baseVersion: z.number().int().nonnegative(),
    gestures: z.array(gestureFileSchema).max(10_000),
  })
  .strict();
export type DraftFile = z.infer<typeof draftFileSchema>;

export const snapshotFileSchema = z
  .object({
    format: formatSchema,
    kind: z.literal('snapshot'),
    /** The version it had in the workspace it came from (null for a draft's projection). */
    version: z.number().int().nonnegative().nullable(),
    snapshot: snapshotSchema,
  })
  .strict();
export type SnapshotFile = z.infer<typeof snapshotFileSchema>;

/** Either kind; `kind` picks the schema, so a wrong field is reported against the right one. */
export const policyFileSchema = z.discriminatedUnion('kind', [draftFileSchema, snapshotFileSchema]);
export type PolicyFile = z.infer<typeof policyFileSchema>;
