import { ConnectorError } from '../../connectorError';
import type { StepResult } from '../plan/steps';
import type { WukongPhpSession } from '../session';

/**
 * Draft ids (`new-role:…`, `new-dept:…`) → the server's ids, learned by re-reading after each create (the server
 * returns no ids: groups/save answers `{"data":1}`, structures/save `添加成功`). Rebuilt from the journal's finished
 * calls on resume.
 */
export class IdResolver {
  readonly #map = new Map<string, string>();

  learn(draftId: string, serverId: string): void {
    this.#map.set(draftId, serverId);
  }

  /** The server's integer id for a domain id: a learned mapping, or the id itself when it is the server's. */
  server(id: string): number {
    const mapped = this.#map.get(id) ?? id;
    if (!/^\d+$/.test(mapped)) {
      throw new ConnectorError('PUSH_STOPPED', `${id} has no server id yet: the step that creates it has not finished`);
    }
    return Number(mapped);
  }

  /** Server ids already taken by earlier created entities (so a re-read never claims one twice). */
  claimed(): Set<number> {
    return new Set([...this.#map.values()].map(Number));
  }

  entries(): Array<[string, string]> {
    return [...this.#map.entries()];
  }
}

export interface StepContext {
  session: WukongPhpSession;
  ids: IdResolver;
  signal?: AbortSignal;
}

/**
 * How one kind of step reaches the server. `probe` answers "does the server already hold this step's effect?" —
 * asked for a call whose answer was lost (crash, timeout, dropped connection, HTTP 500 after a half-applied write)
 * before deciding to send it again, so a non-idempotent call is never repeated. It returns the result when the
 * effect is there, null when it is not (or when sending again is harmless). `send` performs the step, re-reading
 * what it needs.
 */
export interface StepExecutor<S> {
  probe(step: S, ctx: StepContext): Promise<StepResult | null>;
  send(step: S, ctx: StepContext): Promise<StepResult>;
}
