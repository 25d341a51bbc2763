import { z } from 'zod';
import { localizedTextSchema } from '../../domain';
import { channel, localeSchema } from '../channel';
import { MAX_POLICY_FILE_BYTES, megabytes, utf8ByteLength } from '../limits';
import { draftProblemSchema, draftSummarySchema } from './drafts';

const draftIdSchema = z.string().min(1).max(128);

/**
 * A quick first check in characters for code that has a string in hand: a string has at least as many UTF-8
 * bytes as characters, so anything longer is over the byte limit. The limit itself is `MAX_POLICY_FILE_BYTES`.
 */
export const MAX_POLICY_FILE_CHARS = MAX_POLICY_FILE_BYTES;

/** A policy file's text: at most MAX_POLICY_FILE_BYTES of UTF-8 (the character check first, so a huge string is not walked). */
const policyFileTextSchema = z
  .string()
  .max(MAX_POLICY_FILE_CHARS, { abort: true })
  .refine((text) => utf8ByteLength(text) <= MAX_POLICY_FILE_BYTES, { message: `the file is larger than ${megabytes(MAX_POLICY_FILE_BYTES)} MB` });

/** One thing wrong with an imported file, where a person can find it. */
export const fileProblemSchema = z.object({
  /** 1-based line and column in the file (0 when the problem is about the file as a whole). */
  line: z.number().int().nonnegative(),
  column: z.number().int().nonnegative(),
  /** Dotted path of the field (`gestures[2].operations[0].roleIds[1]`), empty for the whole file. */
  field: z.string(),
  message: localizedTextSchema,
});
export type FileProblem = z.infer<typeof fileProblemSchema>;

export const policyChannels = {
  /** A draft (its gestures, base version and name) or a whole snapshot as a stable, diff-friendly YAML file. */
  'policy.export': channel(
    z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('draft'), draftId: draftIdSchema, locale: localeSchema }).strict(),
        /** The base (null) or a draft's projection. */
        z.object({ kind: z.literal('snapshot'), draftId: draftIdSchema.nullable(), locale: localeSchema }).strict(),
      ]),
    z.object({ fileName: z.string(), text: z.string() }),
  ),
  /**
   * Reads a policy file. A draft file becomes a new draft, checked with the server's rules against the current
   * base; a snapshot file becomes the workspace's newest snapshot. A bad file changes nothing and comes back
   * with its problems by line and field.
   */
  'policy.import': channel(
    z.object({ text: policyFileTextSchema }).strict(),
    z.discriminatedUnion('status', [
      z.object({ status: z.literal('draft'), draft: draftSummarySchema, fileBaseVersion: z.number().int(), baseVersion: z.number().int() }),
      z.object({ status: z.literal('snapshot'), version: z.number().int() }),
      z.object({ status: z.literal('invalid'), problems: z.array(fileProblemSchema) }),
      /** The file is well-formed but the server would refuse a gesture of it (1-based gesture number). */
      z.object({ status: z.literal('refused'), problems: z.array(z.object({ number: z.number().int().positive(), problem: draftProblemSchema })) }),
    ]),
  ),
};
