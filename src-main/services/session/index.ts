/** What the console shows: one workspace, its base snapshot and drafts; locking drops everything decrypted. */
export { ConsoleSession } from './ConsoleSession';
