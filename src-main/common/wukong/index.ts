/** WukongCRM 11 reference data: raw-file schemas, the catalogue builder and the constants the server hard-codes. */
export { buildWukongCatalogue, type WukongCatalogue, type WukongRawFiles } from './buildCatalogue';
export { permissionPathLabel, indexPermissions, PATH_SEPARATOR, type CatalogueLocale } from './permissionPathLabel';
export {
  WUKONG_SUPER_USER_ID,
  WUKONG_SUPER_ROLE_ID,
  WUKONG_ROOT_DEPARTMENT_ID,
  CRM_MODULE_BY_LABEL,
  WUKONG_ROLE_TYPES,
  WUKONG_ROLE_GROUP,
  WUKONG_SCOPED_MENU_IDS,
  type WukongRoleType,
} from './constants';
export {
  ADMIN_REMARK,
  PROJECT_REMARK,
  isSuperAdmin,
  isSuperAdminRole,
  isHardCodedSuperUser,
  hasAdminRemark,
  isProtectedRole,
  gatewayAdminRoleId,
  bypassesGateway,
} from './superAdmin';
export { SENSITIVE_ACTIONS, TYPED_CONFIRMATION_ACTIONS, actionOf, isSensitiveKey } from './sensitiveActions';
export { CRM_FIELD_ENGLISH, CRM_SYSTEM_FIELDS_BY_LABEL } from './fieldLabels';
export {
  WUKONG_FILES,
  WukongCatalogueError,
  parseWukongFile,
  wukongMenuRowSchema,
  wukongMenuCatalogueFileSchema,
  wukongRawRoleSchema,
  wukongDefaultRolesFileSchema,
  wukongRawFieldSchema,
  wukongCrmFieldsFileSchema,
  wukongEnglishLabelsFileSchema,
  type WukongMenuRow,
  type WukongRawRole,
  type WukongRawField,
  type WukongDefaultRolesFile,
  type WukongEnglishLabels,
  type WukongFileKey,
} from './rawSchemas';
export {
  CRM_ACTIONS,
  crmModules,
  crmActionPermissions,
  columnsForAction,
  columnsForModule,
  type CrmAction,
  type CrmModule,
  type MapColumn,
} from './crmActions';
