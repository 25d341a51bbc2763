import { AppError, contract, fieldIssues, isChannelName, type Result } from '../common/ipc';
import type { CallContext, Handlers } from './handlerTypes';

export type Dispatch = (channel: unknown, input: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * The one place where calls from the renderer are checked (VS Code's validatedIpcMain): the channel must be
 * in the contract, the input must parse, the output must match what the contract promises, and every
 * failure becomes a Result with a stable code. Both transports (Electron IPC, browser host) go through here.
 */
export function createDispatcher(
  handlers: Handlers,
  log: (line: string) => void = console.error,
  /** Turns errors raised on purpose by the services (store, drafts) into AppErrors; null = unexpected. */
  mapError: (error: unknown) => AppError | null = (error) => (error instanceof AppError ? error : null),
): Dispatch {
  return async (channel, rawInput, ctx) => {
    if (!isChannelName(channel)) {
      return fail('UNKNOWN_CHANNEL', `unknown channel ${JSON.stringify(String(channel).slice(0, 64))}`);
    }
    const spec = contract[channel];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return fail('INVALID_INPUT', `invalid input for ${channel}`, fieldIssues(parsed.error));
    }
    try {
      const handler = handlers[channel] as (input: unknown, ctx: CallContext) => unknown;
      const value = await handler(parsed.data, ctx);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        // A broken promise of our own: log the shape problem (no values), tell the renderer plainly.
        log(`[ipc] ${channel} produced output that breaks the contract: ${fieldIssues(checked.error).issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
        return fail('INTERNAL', `the main process produced an invalid answer for ${channel}`);
      }
      return { ok: true, value: checked.data };
    } catch (error) {
      const known = mapError(error);
      if (known) return fail(known.code, known.message, known.details);
      log(`[ipc] ${channel} failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fail('INTERNAL', `${channel} failed unexpectedly`);
    }
  };
}

function fail(code: AppError['code'], message: string, details?: AppError['details']): Result<never> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}
