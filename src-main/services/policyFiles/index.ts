/** Policy files: export and import as YAML, read off the main thread with size, time and memory limits. */
export { PolicyFileService } from './PolicyFileService';
export { PolicyFileReader } from './PolicyFileReader';
export type { ReadResult } from './readPolicyFile';
