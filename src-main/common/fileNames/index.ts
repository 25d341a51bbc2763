/** Ids that name files on disk (workspaces), held to one rule before any path is built from them. */
export { fileNameIdSchema } from './fileNameId';
