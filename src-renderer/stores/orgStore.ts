import { api } from '../api/client';
import { createResourceStore } from './resourceStore';

/** The department tree and people of the open workspace. */
export const useOrgStore = createResourceStore(() => api().call('org.tree', {}));
