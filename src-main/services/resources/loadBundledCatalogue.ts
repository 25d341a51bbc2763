import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildWukongCatalogue, WUKONG_FILES, type WukongCatalogue, type WukongRawFiles } from '../../common/wukong';

/**
 * Where the WukongCRM reference files live when running from source (`src-main/services/resources` → repo
 * `resources/wukong`). The built app runs from `out/main`, where this path is wrong: its host passes the directory.
 */
export const DEFAULT_WUKONG_RESOURCES_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'resources', 'wukong');

const cache = new Map<string, WukongCatalogue>();

/**
 * Read and validate the four bundled WukongCRM files and map them to the domain catalogue. The result is cached
 * per directory: the files ship with the app and never change while it runs. Errors name the file (and, for
 * content errors, the field); an unreadable or non-JSON file names its full path.
 */
export function loadBundledCatalogue(resourcesDir: string = DEFAULT_WUKONG_RESOURCES_DIR): WukongCatalogue {
  const dir = path.resolve(resourcesDir);
  const cached = cache.get(dir);
  if (cached) return cached;
  const raw: WukongRawFiles = {
    menus: readJson(dir, WUKONG_FILES.menus),
    roles: readJson(dir, WUKONG_FILES.roles),
    fields: readJson(dir, WUKONG_FILES.fields),
    english: readJson(dir, WUKONG_FILES.english),
  };
  const catalogue = buildWukongCatalogue(raw);
  cache.set(dir, catalogue);
  return catalogue;
}

function readJson(dir: string, file: string): unknown {
  const full = path.join(dir, file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (error) {
    throw new Error(`cannot read WukongCRM reference file ${full}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`WukongCRM reference file ${full} is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
