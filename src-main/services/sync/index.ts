export { SyncWorkflow } from './SyncWorkflow';
export { SyncService, type SyncEvent, type SyncPlan, type SyncServiceOptions } from './SyncService';
export { WorkspaceJournal } from './workspaceJournal';
export { createConnector, createWukongConnector, type ConnectorOptions } from './createConnector';
