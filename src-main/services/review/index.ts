/** A draft under review: its gestures in plain words, cell by cell, and its impact per permission. */
export { reviewGestures } from './draftReview';
export { impactByPermission } from './permissionImpact';
