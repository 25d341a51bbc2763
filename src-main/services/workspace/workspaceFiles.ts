import { closeSync, existsSync, fsyncSync, openSync, readFileSync, readdirSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { fileNameIdSchema } from '../../common/fileNames';
import { sealedKeySchema, StoreError } from '../../store';

/**
 * One workspace = three files in the workspaces directory, named by its id:
 *   `<id>.gatehouse`       the SQLCipher database (everything the workspace knows, credentials included);
 *   `<id>.workspace.json`  this header: the name to list while locked, and how the data key is sealed;
 *   `<id>.key`             the demo only: its data key, mode 0600.
 * The header holds no secret: a sealed key, a one-way key check, a display name.
 */
export const workspaceIdSchema = fileNameIdSchema;

const keyStateSchema = z.object({ sealedKey: sealedKeySchema, keyCheck: z.string() });

export const workspaceHeaderSchema = z.object({
  format: z.literal(1),
  id: workspaceIdSchema,
  name: z.string().min(1).max(200),
  kind: z.enum(['demo', 'connected']),
  createdAt: z.string(),
  key: keyStateSchema,
  /**
   * Written before a rekey and removed after it: if the process dies in between, the file is under one of
   * the two keys and unlock tries both (see WorkspaceService.changePassphrase).
   */
  pendingKey: keyStateSchema.optional(),
  /** Set when the database was found damaged and moved aside; the next open starts a fresh file. */
  damaged: z.object({ at: z.string(), movedTo: z.array(z.string()) }).optional(),
});
export type WorkspaceHeader = z.infer<typeof workspaceHeaderSchema>;
export type KeyState = z.infer<typeof keyStateSchema>;

const HEADER_SUFFIX = '.workspace.json';

export interface WorkspacePaths {
  database: string;
  header: string;
  keyFile: string;
}

export function workspacePaths(directory: string, id: string): WorkspacePaths {
  workspaceIdSchema.parse(id);
  return { database: join(directory, `${id}.gatehouse`), header: join(directory, `${id}${HEADER_SUFFIX}`), keyFile: join(directory, `${id}.key`) };
}

export function readHeader(directory: string, id: string): WorkspaceHeader {
  const { header } = workspacePaths(directory, id);
  if (!existsSync(header)) throw new StoreError('NOT_FOUND', `workspace ${id} does not exist`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(header, 'utf8'));
  } catch (error) {
    throw new StoreError('INVALID_DATA', `the header of workspace ${id} is not readable`, {}, { cause: error });
  }
  const parsed = workspaceHeaderSchema.safeParse(json);
  if (!parsed.success) throw new StoreError('INVALID_DATA', `the header of workspace ${id} is not readable`);
  return parsed.data;
}

/** Replace the header atomically: write a temporary file, fsync it, rename over the old one. */
export function writeHeader(directory: string, header: WorkspaceHeader): void {
  const { header: path } = workspacePaths(directory, header.id);
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(workspaceHeaderSchema.parse(header), null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

/** Ids of the workspaces in the directory (those with a header), sorted. */
export function listWorkspaceIds(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => name.endsWith(HEADER_SUFFIX))
    .map((name) => name.slice(0, -HEADER_SUFFIX.length))
    .filter((id) => workspaceIdSchema.safeParse(id).success)
    .sort();
}
