export * from './workspaceRepo';
export * from './snapshotRepo';
export * from './draftRepo';
export * from './pushJournalRepo';
export * from './auditRepo';
export { canonicalJson, GENESIS_HASH } from './auditCanonical';
