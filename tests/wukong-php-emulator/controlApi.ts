/**
 * The control API, for tests driving an emulator in another process: `/__emulator/*`, reachable only with
 * header `X-Emulator-Control: <control token>` (HTTP 403 otherwise). Plain JSON, no envelope, not logged.
 *
 *   POST   /__emulator/faults    {latencyMs?, latencyPath?, rules?: [{kind, path?, nth?, count?, when?, write?, mutation?}]}
 *   GET    /__emulator/faults    pending rules
 *   DELETE /__emulator/faults    clear rules and latency
 *   GET    /__emulator/calls     the call log;  DELETE clears it
 *   POST   /__emulator/mutate    a mutation (see mutations.ts), applied now
 *   POST   /__emulator/evict     {userId}: forget that user's logins now (their calls answer 101 / 302)
 *   POST   /__emulator/expire    {userId}: let that user's logins run out now (same answers)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { mutationSchema, applyMutation } from './mutations';
import { sendJson, type EmulatorCore } from './server';

const faultsSchema = z.object({
  latencyMs: z.number().int().min(0).optional(),
  latencyPath: z.string().optional(),
  rules: z
    .array(
      z.object({
        kind: z.enum(['http500', 'drop', 'failWrite', 'evict', 'hook']),
        path: z.string().optional(),
        nth: z.number().int().min(1).optional(),
        count: z.number().int().min(1).optional(),
        when: z.enum(['before', 'after']).optional(),
        write: z.number().int().min(1).optional(),
        mutation: mutationSchema.optional(),
      }),
    )
    .default([]),
});
const userSchema = z.object({ userId: z.number().int() });

function authorised(req: IncomingMessage, controlToken: string): boolean {
  const given = Buffer.from(String(req.headers['x-emulator-control'] ?? ''));
  const expected = Buffer.from(controlToken);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function handleControlCall(core: EmulatorCore, controlToken: string, req: IncomingMessage, res: ServerResponse, path: string, raw: string): void {
  if (!authorised(req, controlToken)) return sendJson(res, 403, { error: 'control token required (header X-Emulator-Control)' });
  const method = req.method ?? 'GET';
  let body: unknown;
  try {
    body = raw.trim() === '' ? {} : JSON.parse(raw);
  } catch {
    return sendJson(res, 400, { error: 'body is not JSON' });
  }
  const route = `${method} ${path}`;
  try {
    switch (route) {
      case 'POST /__emulator/faults': {
        const input = faultsSchema.parse(body);
        if (input.latencyMs !== undefined) core.faults.setLatency(input.latencyMs, input.latencyPath);
        const added = input.rules.map((r) => {
          if (r.kind === 'hook' && !r.mutation) throw new Error('a hook rule needs a mutation');
          return core.faults.add(r.kind, r, { when: r.when, write: r.write, mutation: r.mutation }).id;
        });
        return sendJson(res, 200, { added });
      }
      case 'GET /__emulator/faults':
        return sendJson(res, 200, core.faults.pending().map((r) => ({ ...r, mutation: typeof r.mutation === 'function' ? 'function' : r.mutation })));
      case 'DELETE /__emulator/faults':
        core.faults.clear();
        return sendJson(res, 200, { cleared: true });
      case 'GET /__emulator/calls':
        return sendJson(res, 200, core.calls.all());
      case 'DELETE /__emulator/calls':
        core.calls.clear();
        return sendJson(res, 200, { cleared: true });
      case 'POST /__emulator/mutate':
        applyMutation(core.db.sqlite, mutationSchema.parse(body));
        return sendJson(res, 200, { applied: true });
      case 'POST /__emulator/evict': {
        const { userId } = userSchema.parse(body);
        const keys = core.cache.keys(userId);
        keys.forEach((k) => core.cache.delete(k));
        return sendJson(res, 200, { evicted: keys.length });
      }
      case 'POST /__emulator/expire': {
        const { userId } = userSchema.parse(body);
        core.cache.keys(userId).forEach((k) => core.cache.expire(k));
        return sendJson(res, 200, { expired: true });
      }
      default:
        return sendJson(res, 404, { error: `no control route ${route}` });
    }
  } catch (error) {
    return sendJson(res, 400, { error: error instanceof Error ? error.message : String(error) });
  }
}
