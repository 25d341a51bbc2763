/**
 * What a push created, for servers that return no ids (`capabilities.returnsCreatedIds: false`): found again in a
 * fresh pull, and the projection rewritten in the server's ids. Shared by every connector and by push recovery.
 */
export { matchCreated } from './matchCreated';
export { remapIds } from './remapIds';
