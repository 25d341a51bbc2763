import type { Snapshot } from '../common/domain';

/**
 * The workspace the console is showing: a name and its current state. The built-in demo is one;
 * encrypted workspaces from the store are others.
 */
export interface OpenWorkspace {
  readonly id: string;
  readonly name: string;
  /** The current base snapshot (immutable; a new object after every pull or draft change). */
  snapshot(): Snapshot;
}
