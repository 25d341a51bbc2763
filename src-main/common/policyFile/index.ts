/**
 * Policy files: what a draft file or a snapshot file must contain, and the canonical order a snapshot is
 * written in. The YAML itself is read and written in the main process (services/policyFiles).
 */
export { POLICY_FILE_FORMAT, policyFileSchema, type DraftFile, type PolicyFile, type SnapshotFile } from './schema';
export { canonicalSnapshot, compareIds } from './canonical';
