/**
 * The IPC contract: every channel `prefix.verb` with its zod input and output, the events, the Result envelope
 * with its structured error details, and the wire format of the browser host. Handlers, the preload, the host
 * and the renderer's client all import it from here; the rest of the folder is internal.
 */
export * from './contract';
export { channel, type ChannelSpec } from './channel';
export { events, EVENT_NAMES, workspaceChangeReasonSchema, type EventName, type EventPayload, type WorkspaceChangeReason } from './events';
export { AppError, appErrorSchema, type AppErrorData, type ErrorCode, type ErrorDetails, type Result } from './result';
export { connectorErrorCodeSchema, fieldIssues, lockedVerbSchema, storeErrorCodeSchema, type ConnectorErrorCode } from './errorDetails';
export { applyMatrixDelta, applySplices, diffRows, matrixDelta, memberCounts, roleMatrix, type DraftState } from './roleMatrix';
export { MAX_POLICY_FILE_BYTES, megabytes, utf8ByteLength } from './limits';
export * from './wire';
export type { GatehouseBridge } from './bridge';

// Each prefix's channels with the schemas and view types of their answers (channels/<prefix>.ts).
export * from './channels/access';
export * from './channels/app';
export * from './channels/audit';
export * from './channels/catalogue';
export * from './channels/drafts';
export * from './channels/impact';
export * from './channels/lints';
export * from './channels/org';
export * from './channels/policy';
export * from './channels/reports';
export * from './channels/roles';
export * from './channels/sync';
export * from './channels/workspace';
