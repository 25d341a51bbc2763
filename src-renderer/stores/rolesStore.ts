import { api } from '../api/client';
import { createResourceStore } from './resourceStore';

/** Roles with scope and member counts, and their role groups. */
export const useRolesStore = createResourceStore(() => api().call('roles.list', {}));

/** App facts shown in Settings and the header. */
export const useAppInfoStore = createResourceStore(() => api().call('app.info', {}));
