import { ConnectorError } from '../connectorError';

/** Throw CANCELLED if the caller gave up; checked between calls so nothing half-read is returned. */
export function throwIfCancelled(signal: AbortSignal | undefined, what: string): void {
  if (signal?.aborted) throw new ConnectorError('CANCELLED', `${what} was cancelled`);
}

/**
 * `fn` over `items` with at most `limit` in flight, results in input order. The first failure stops new work and
 * is rethrown once the calls in flight have settled (no call is left running behind the caller's back).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < items.length) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, limit), items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  return results;
}
