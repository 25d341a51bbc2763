/** Connectors: the CRM-neutral port, its errors and journal, and the WukongCRM 11 implementation. */
export type { ConnectorCapabilities, CrmConnector, PullProgress, PullResult, PushPlan, PushReport, VerifyReport } from './connector';
export { ConnectorError, isConnectorError, type ConnectorErrorCode, type ConnectorErrorDetails } from './connectorError';
export type { JournalCall, JournalCallStatus, JournalRecord, PushJournalPort } from './pushJournal';
export * from './wukong';
