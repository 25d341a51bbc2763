import { useServerQuery } from '../api/serverCache';

/** Roles of the base with scope and member counts, and their role groups. */
export const useRoleList = () => useServerQuery('roles.list', {});

/** App facts shown in Settings and the header. */
export const useAppInfo = () => useServerQuery('app.info', {});

/** The permission catalogue (labels in both languages): it does not change with drafts, so it is asked once. */
export const useCatalogue = () => useServerQuery('catalogue.list', {});
