export { WorkspaceService, DEMO_WORKSPACE_ID, type WorkspaceServiceOptions, type WorkspaceSummary } from './WorkspaceService';
export { WorkspaceData, type DraftEntry, type PlannedCall } from './WorkspaceData';
export type { WorkspaceProtection, UnlockSecret } from './keyProtection';
