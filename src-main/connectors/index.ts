/** Connectors: the CRM-neutral port and its types, errors and journal, shared helpers, and each CRM's implementation. */
export type {
  CatalogueSource,
  ConnectorCapabilities,
  CrmConnector,
  PlanRefusal,
  PlannedStep,
  PropagationDelay,
  PropagationNote,
  PullProgress,
  PullResult,
  PushFailure,
  PushPlan,
  PushReport,
  RefusalCode,
  VerifyReport,
} from './connector';
export { ConnectorError, isConnectorError, type ConnectorErrorCode, type ConnectorErrorDetails } from './connectorError';
export type { JournalCall, JournalCallStatus, JournalRecord, PushJournalPort } from './pushJournal';
export { matchCreated, remapIds } from './created';
export * from './wukong';
export { WukongPhpConnector, WUKONG_PHP_CAPABILITIES, WUKONG_PHP_KIND, type WukongPhpConnectorOptions } from './wukong-php';
