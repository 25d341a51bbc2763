import type { EventName, EventPayload } from '../common/ipc';

type Listener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** Main-process events for the renderer; each transport subscribes and forwards to its windows or sockets. */
export class EventBus {
  private readonly listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) listener(event, payload);
  }
}
