import { z } from 'zod';
import { ConnectorError } from '../connectorError';

/**
 * The WukongCRM response envelope `{code, msg, data}` (`core/common/Result.java`, reference §1.3). Success is
 * code 0; errors usually come with HTTP 200 (§9), so the envelope, not the HTTP status, decides.
 */
export const envelopeSchema = z.object({
  code: z.number().int(),
  msg: z.string().nullish(),
  // The gateway's own answers (HTTP 401, rate limiting) carry no `data` at all (§0).
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** `data.list[3].userId` from a zod issue path. */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `.${String(part)}`;
  return out;
}

/** Parse a whole body as an envelope; anything else is MALFORMED_RESPONSE naming the endpoint and the field. */
export function parseEnvelope(endpoint: string, body: unknown): Envelope {
  const result = envelopeSchema.safeParse(body);
  if (result.success) return result.data;
  throw malformed(endpoint, result.error, '');
}

/** Parse `data` with the endpoint's schema; the error names the endpoint and the first field that did not fit. */
export function parseData<T>(endpoint: string, schema: z.ZodType<T>, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  throw malformed(endpoint, result.error, 'data');
}

function malformed(endpoint: string, error: z.ZodError, root: string): ConnectorError {
  const issue = error.issues[0];
  const field = issue ? formatPath(root, issue.path).replace(/^\./, '') || root || '(body)' : root || '(body)';
  const what = issue?.message ?? 'invalid';
  return new ConnectorError('MALFORMED_RESPONSE', `${endpoint} answered with an unexpected shape at ${field}: ${what}`, { endpoint, field });
}
