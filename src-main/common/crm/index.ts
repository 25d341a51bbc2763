/** CRM editions and what each can store (read by connectors, the main process and the editor). */
export { CRM_EDITIONS, CRM_EDITION_INFO, connectorCapabilitiesSchema, crmEditionSchema, editionOfProfile, type ConnectorCapabilities, type CrmEdition, type CrmEditionInfo } from './editions';
