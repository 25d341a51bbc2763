import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The project's own lint configuration, run on code placed (by path) in each layer.
const root = path.resolve(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root });

async function problemsOf(rule: string, file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule).map((m) => m.message);
}
const layerProblems = (file: string, code: string) => problemsOf('gatehouse/layers', file, code);
const indexProblems = (file: string, code: string) => problemsOf('gatehouse/folder-index', file, code);

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

describe('the folder-index rule', () => {
  it('refuses an import into another folder past its index.ts, from any layer and from tests', async () => {
    expect(await indexProblems('src-main/services/probe.ts', "import { appendAudit } from '../store/repos/auditRepo';\nexport const x = appendAudit;\n")).toEqual([
      expect.stringContaining('import "../store" (its index.ts) instead'),
    ]);
    expect(await indexProblems('src-renderer/probe.ts', "import type { RoleMatrix } from '../src-main/common/ipc/channels/roles';\nexport type X = RoleMatrix;\n")).toEqual([
      expect.stringContaining('import "../src-main/common/ipc" (its index.ts) instead'),
    ]);
    expect(await indexProblems('tests/integration/probe.test.ts', "import { compilePolicy } from '../../src-main/common/policy/compile';\nexport const x = compilePolicy;\n")).toHaveLength(1);
    expect(await indexProblems('src-main/ipc/probe.ts', "export { DraftService } from '../services/drafts/DraftService';\n")).toHaveLength(1);
  });

  it('lets a folder be imported through its index, and files inside it import each other', async () => {
    expect(await indexProblems('src-main/services/probe.ts', "import { appendAudit } from '../store';\nimport { compilePolicy } from '../common/policy/index';\nexport const x = [appendAudit, compilePolicy];\n")).toEqual([]);
    expect(await indexProblems('src-main/store/probe.ts', "import { appendAudit } from './repos/auditRepo';\nexport const x = appendAudit;\n")).toEqual([]);
  });

  it("refuses a folder's own index from inside it (the index re-exports the file: a cycle)", async () => {
    expect(await indexProblems('src-main/common/policy/probe.ts', "import { compilePolicy } from '.';\nexport const x = compilePolicy;\n")).toEqual([
      expect.stringContaining("imports its own folder's index"),
    ]);
    expect(await indexProblems('src-main/store/repos/probe.ts', "import { openStore } from '..';\nexport const x = openStore;\n")).toHaveLength(1);
  });

  it("keeps a folder's testing/ helpers to tests", async () => {
    const code = "import { sampleSnapshot } from '../../common/draft/testing/builders';\nexport const x = sampleSnapshot;\n";
    expect(await indexProblems('src-main/services/drafts/probe.ts', code)).toEqual([expect.stringContaining('only tests may')]);
    expect(await indexProblems('src-main/services/drafts/probe.test.ts', code)).toEqual([]);
  });
});
