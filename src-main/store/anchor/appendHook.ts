import type { Db } from '../sqlcipher';
import type { AnchorHead } from './anchorFile';

const listeners = new WeakMap<Db, (head: AnchorHead) => void>();

/**
 * Told of every audit append on this connection, inside the append's transaction and before its COMMIT:
 * the anchor writes the head it is about to commit first. A listener that throws aborts the transaction,
 * so nothing is committed that the anchor was not told about. Connections without one (tests, tools,
 * migrations) append as before.
 */
export function setAuditAppendListener(db: Db, listener: ((head: AnchorHead) => void) | null): void {
  if (listener) listeners.set(db, listener);
  else listeners.delete(db);
}

export function notifyAuditAppend(db: Db, head: AnchorHead): void {
  listeners.get(db)?.(head);
}
