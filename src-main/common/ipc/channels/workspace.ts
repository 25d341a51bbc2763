import { z } from 'zod';
import { fileNameIdSchema } from '../../fileNames';
import { channel } from '../channel';

/** A workspace id names its files, so the contract holds it to the file-name rule before any handler sees it. */
const workspaceIdSchema = fileNameIdSchema;
/** Passphrases cross the boundary only to be turned into a key; they are never stored or logged. */
const passphraseSchema = z.string().min(1).max(1024);

export const workspaceSummarySchema = z.object({
  id: workspaceIdSchema,
  name: z.string(),
  kind: z.enum(['demo', 'connected']),
  protection: z.enum(['passphrase', 'safeStorage', 'keyFile']),
  locked: z.boolean(),
  createdAt: z.string(),
  damaged: z.object({ at: z.string(), movedTo: z.array(z.string()) }).optional(),
});
export type WorkspaceSummaryView = z.infer<typeof workspaceSummarySchema>;

export const workspaceChannels = {
  /** Every workspace on this machine and the one the console shows. */
  'workspace.list': channel(
    z.object({}).strict(),
    z.object({ workspaces: z.array(workspaceSummarySchema), currentId: workspaceIdSchema.nullable(), idleLockMinutes: z.number().nullable() }),
  ),
  /** A new, empty workspace protected by a passphrase (or the OS keychain in the desktop app), then opened. */
  'workspace.create': channel(
    z
      .object({ name: z.string().trim().min(1).max(120), protection: z.enum(['passphrase', 'safeStorage']), passphrase: passphraseSchema.optional() })
      .strict()
      .refine((v) => v.protection !== 'passphrase' || v.passphrase !== undefined, { message: 'a passphrase is required', path: ['passphrase'] }),
    workspaceSummarySchema,
  ),
  /** Unlocks (if needed) and shows a workspace. A wrong passphrase is WRONG_KEY and changes nothing. */
  'workspace.open': channel(z.object({ workspaceId: workspaceIdSchema, passphrase: passphraseSchema.optional() }).strict(), workspaceSummarySchema),
  /**
   * Shows a workspace without unlocking it: a locked one then asks for its passphrase on the lock screen.
   * (Opening a passphrase workspace needs the passphrase; choosing it from a list does not.)
   */
  'workspace.select': channel(z.object({ workspaceId: workspaceIdSchema }).strict(), workspaceSummarySchema),
  /** Locks a workspace now: the key is wiped from memory and the database closed. */
  'workspace.lock': channel(z.object({ workspaceId: workspaceIdSchema }).strict(), workspaceSummarySchema),
  'workspace.unlock': channel(z.object({ workspaceId: workspaceIdSchema, passphrase: passphraseSchema.optional() }).strict(), workspaceSummarySchema),
  'workspace.changePassphrase': channel(
    z.object({ workspaceId: workspaceIdSchema, current: passphraseSchema, next: passphraseSchema }).strict(),
    z.object({}),
  ),
};
