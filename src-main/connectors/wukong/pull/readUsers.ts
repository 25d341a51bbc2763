import { ConnectorError } from '../../connectorError';
import { wukongEndpoints } from '../api';
import { mapLimit, throwIfCancelled } from '../concurrency';
import type { WukongUser } from '../schemas';
import type { WukongSession } from '../session';

/** `PageEntity.limit` is capped at 100 for paged queries (reference §1.3). */
export const USER_PAGE_SIZE = 100;

/**
 * Every (not deleted) user, page by page (§3). The first page says how many there are; the others are read a
 * few at a time. If the total moves while reading (someone added or removed a user), offsets shift and a
 * user could be missed or read twice, so the whole read starts again, once; a second drift is an error.
 */
export async function readAllUsers(
  session: WukongSession,
  options: { signal?: AbortSignal; concurrency?: number; onPage?: (done: number, total: number) => void } = {},
): Promise<WukongUser[]> {
  for (let attempt = 1; ; attempt++) {
    const result = await readOnce(session, options);
    if (result) return result;
    if (attempt >= 2) {
      throw new ConnectorError('INCONSISTENT_STATE', 'POST /adminUser/queryUserList: the number of users kept changing while reading; pull again', {
        endpoint: 'POST /adminUser/queryUserList',
      });
    }
  }
}

async function readOnce(
  session: WukongSession,
  options: { signal?: AbortSignal; concurrency?: number; onPage?: (done: number, total: number) => void },
): Promise<WukongUser[] | null> {
  throwIfCancelled(options.signal, 'reading users');
  const first = await session.call(wukongEndpoints.userPage(1, USER_PAGE_SIZE), options.signal);
  const pages = Math.max(1, Math.ceil(first.totalRow / USER_PAGE_SIZE));
  let done = 1;
  options.onPage?.(done, pages);
  const rest = await mapLimit(
    Array.from({ length: pages - 1 }, (_, i) => i + 2),
    options.concurrency ?? 4,
    async (page) => {
      throwIfCancelled(options.signal, 'reading users');
      const answer = await session.call(wukongEndpoints.userPage(page, USER_PAGE_SIZE), options.signal);
      options.onPage?.(++done, pages);
      return answer;
    },
  );
  if (rest.some((p) => p.totalRow !== first.totalRow)) return null;
  const byId = new Map<number, WukongUser>();
  for (const page of [first, ...rest]) for (const user of page.list) byId.set(user.userId, user);
  if (byId.size !== first.totalRow) return null;
  return [...byId.values()].sort((a, b) => a.userId - b.userId);
}
