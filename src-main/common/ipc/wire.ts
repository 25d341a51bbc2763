import { z } from 'zod';
import { fieldIssues } from './errorDetails';
import { appErrorSchema, type AppErrorData } from './result';

/**
 * Messages of the browser host's WebSocket. Requests carry a client-chosen id; the answer echoes it.
 * The shape is checked on both ends; the channel and input are checked again against the contract.
 */
const wireIdSchema = z.number().int().nonnegative();

export const wireRequestSchema = z
  .object({
    id: wireIdSchema,
    channel: z.string().max(64),
    /** Required (a channel without arguments takes `{}`): a request that lost its input is a broken client. */
    input: z.unknown(),
  })
  .strict();
export type WireRequest = z.infer<typeof wireRequestSchema>;

export const wireMessageSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('result'),
    id: wireIdSchema,
    result: z.union([
      z.object({ ok: z.literal(true), value: z.unknown() }),
      z.object({ ok: z.literal(false), error: appErrorSchema }),
    ]),
  }),
  z.object({ kind: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type WireMessage = z.infer<typeof wireMessageSchema>;

export { MAX_WIRE_MESSAGE_BYTES } from './limits';

/**
 * What the host makes of one text frame:
 * - `request`: a well-formed request, for the dispatcher;
 * - `invalid`: not a request, but its id is readable, so the client gets an error for that id and the socket
 *   (with the client's other calls in flight) stays open;
 * - `unreadable`: not JSON, or no id to answer: the host closes the socket (1007), since nothing can be answered.
 */
export type WireRead =
  | { kind: 'request'; request: WireRequest }
  | { kind: 'invalid'; id: number; error: AppErrorData }
  | { kind: 'unreadable'; reason: string };

export function readWireRequest(text: string): WireRead {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'not JSON' };
  }
  const request = wireRequestSchema.safeParse(json);
  if (request.success) return { kind: 'request', request: request.data };
  const id = z.object({ id: wireIdSchema }).safeParse(json);
  if (!id.success) return { kind: 'unreadable', reason: 'not a request' };
  return {
    kind: 'invalid',
    id: id.data.id,
    error: { code: 'INVALID_INPUT', message: 'this is not a Gatehouse request: it needs an id, a channel and an input (use {} when the channel takes none)', details: fieldIssues(request.error, 10) },
  };
}
