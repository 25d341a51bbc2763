import { CRM_MODULE_BY_LABEL } from '../../../common/wukong';

/** CRM module → `label` of `queryRoleField` / `saveRoleField` (`CrmEnum`, reference §6). */
export const LABEL_BY_MODULE: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(CRM_MODULE_BY_LABEL).map(([label, module]) => [module, Number(label)]),
);
