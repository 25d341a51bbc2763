import { CRM_EDITION_INFO, type ConnectorCapabilities } from '../../../src-main/common/crm';
import { useSyncStatus } from './useSyncStatus';

/**
 * What the open workspace's CRM edition can store, so the editor offers only that. Until the status is known
 * (or with no workspace open) it is the Java edition's, which the demo workspace also behaves like: the plan
 * in the main process refuses anything the connected edition cannot store either way.
 */
export function useEditionCapabilities(): ConnectorCapabilities {
  const { status } = useSyncStatus();
  return status?.edition.capabilities ?? CRM_EDITION_INFO['wukong-crm-11'].capabilities;
}
