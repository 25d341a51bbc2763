import { useServerQuery } from '../api/serverCache';

/** The department tree and people of the open workspace, as pulled. */
export const useOrgTree = () => useServerQuery('org.tree', {});
