import { api } from '../../api/client';
import { createResourceStore } from '../../stores/resourceStore';

/** The permission catalogue (labels in both languages): it does not change with drafts, so it loads once. */
export const useCatalogueStore = createResourceStore(() => api().call('catalogue.list', {}));
