import { z } from 'zod';

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);

/** scrypt cost, stored with the salt so that stronger defaults later still open older workspaces. */
export const scryptParamsSchema = z.object({
  N: z.number().int().min(2 ** 14).max(2 ** 22),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(16),
});
export type ScryptParams = z.infer<typeof scryptParamsSchema>;

/**
 * How a workspace's random data key is sealed, as saved beside the encrypted file. None of the variants
 * holds the key or a passphrase: a wrapped (AES-256-GCM) key, a pointer to the demo's 0600 key file, or
 * an OS-sealed blob.
 */
export const sealedKeySchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('passphrase'),
    kdf: z.object({ name: z.literal('scrypt'), params: scryptParamsSchema, salt: base64 }),
    /** First half of the scrypt output, compared in constant time: says "wrong passphrase" before any decrypt. */
    verifier: base64,
    /** The data key encrypted with the second half of the scrypt output. */
    wrapped: z.object({ iv: base64, ciphertext: base64, tag: base64 }),
  }),
  z.object({
    provider: z.literal('keyFile'),
    /** File name inside the workspaces directory (never a path elsewhere). */
    file: z.string().regex(/^[A-Za-z0-9._-]+$/),
  }),
  z.object({
    provider: z.literal('safeStorage'),
    sealed: base64,
  }),
]);
export type SealedKey = z.infer<typeof sealedKeySchema>;
export type KeyProviderKind = SealedKey['provider'];
