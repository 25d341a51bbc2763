/** Drafts of the open workspace: the use cases, their repository over the store, and the compiled projections. */
export { DraftService } from './DraftService';
export { storeDraftRepository } from './storeDraftRepository';
export type { Projection } from './projectionCache';
