import { z } from 'zod';
import { appErrorSchema } from './result';

/**
 * Messages of the browser host's WebSocket. Requests carry a client-chosen id; the answer echoes it.
 * The shape is checked on both ends; the channel and input are checked again against the contract.
 */
export const wireRequestSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  input: z.unknown(),
});
export type WireRequest = z.infer<typeof wireRequestSchema>;

export const wireMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    id: z.number().int().nonnegative(),
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: appErrorSchema }),
    ]),
  }),
  z.object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WireMessage = z.infer<typeof wireMessageSchema>;

/** Largest request the host accepts (a big draft batch fits easily; a flood does not). */
export const MAX_WIRE_MESSAGE_BYTES = 8 * 1024 * 1024;
