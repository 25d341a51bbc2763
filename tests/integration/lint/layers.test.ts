import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own lint configuration, run on code placed (by path) in each layer.
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function layerProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'gatehouse/layers').map((m) => m.message);
}

describe('the layer rule', () => {
  it('refuses an import that runs up the layers inside src-main', async () => {
    expect(await layerProblems('src-main/store/probe.ts', "import { createAppServices } from '../services/appServices';\nexport const x = createAppServices;\n")).toEqual([
      expect.stringContaining('src-main/store may import only src-main/common'),
    ]);
    expect(await layerProblems('src-main/services/probe.ts', "import { createHandlers } from '../ipc/handlers';\nexport const x = createHandlers;\n")).toHaveLength(1);
    expect(await layerProblems('src-main/connectors/probe.ts', "import { openStore } from '../store';\nexport const x = openStore;\n")).toHaveLength(1);
    expect(await layerProblems('src-main/ipc/probe.ts', "import { startBrowserHost } from '../host/browserHost';\nexport const x = startBrowserHost;\n")).toHaveLength(1);
  });

  it('lets a layer import what is below it, skipping down', async () => {
    expect(await layerProblems('src-main/ipc/probe.ts', "import { StoreError } from '../store';\nexport const x = StoreError;\n")).toEqual([]);
    expect(await layerProblems('src-main/services/probe.ts', "import { openStore } from '../store';\nimport { SCOPE_NAMES } from '../common/policy';\nexport const x = [openStore, SCOPE_NAMES];\n")).toEqual([]);
  });

  it('keeps common pure and the renderer away from the main process', async () => {
    expect(await layerProblems('src-main/common/probe.ts', "import { parse } from 'yaml';\nexport const x = parse;\n")).toHaveLength(1);
    expect(await layerProblems('src-renderer/probe.ts', "import { openStore } from '../src-main/store';\nexport const x = openStore;\n")).toHaveLength(1);
    expect(await layerProblems('src-renderer/probe.ts', "import fs from 'node:fs';\nexport const x = fs;\n")).toHaveLength(1);
  });
});
