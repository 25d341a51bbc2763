// ESLint rule that keeps the layers apart (VS Code's code-import-patterns, in small):
// - src-main/common imports only itself and zod: it runs in every runtime;
// - src-renderer imports only itself, src-main/common and browser-safe packages: never Node or Electron.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const COMMON = path.join(root, 'src-main', 'common');
const RENDERER = path.join(root, 'src-renderer');

const COMMON_PACKAGES = ['zod'];
/** Test files may also use the test tools; they are never bundled into the app. */
const TEST_PACKAGES = ['vitest', 'fast-check', '@testing-library/react', '@testing-library/dom'];
const isTestFile = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('testing');
const RENDERER_PACKAGES = ['zod', 'react', 'react-dom', 'zustand', '@tanstack/react-table', '@tanstack/react-virtual', 'recharts'];

const inside = (file, dir) => file === dir || file.startsWith(dir + path.sep);
const packageName = (source) => {
  const parts = source.split('/');
  return source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
};

/** @type {import('eslint').Rule.RuleModule} */
export const layers = {
  meta: { type: 'problem', schema: [], messages: { forbidden: '{{file}} may not import "{{source}}": {{why}}' } },
  create(context) {
    const file = path.resolve(context.filename);
    const layer = inside(file, COMMON) ? 'common' : inside(file, RENDERER) ? 'renderer' : null;
    if (!layer) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let why = null;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        // Tests may read the bundled reference data as plain JSON; the code under test never does.
        const testData = isTestFile(file) && inside(target, path.join(root, 'resources')) && target.endsWith('.json');
        if (layer === 'common' && !inside(target, COMMON) && !testData) why = 'src-main/common imports only itself and zod';
        if (layer === 'renderer' && !inside(target, RENDERER) && !inside(target, COMMON))
          why = 'the renderer reaches the main process only through the contract (src-main/common)';
      } else {
        const allowed = [...(layer === 'common' ? COMMON_PACKAGES : RENDERER_PACKAGES), ...(isTestFile(file) ? TEST_PACKAGES : [])];
        if (!allowed.includes(packageName(source)))
          why = layer === 'common' ? 'src-main/common must stay pure (no Node, Electron, SQLite, React)' : 'the renderer must not use Node, Electron or server packages';
      }
      if (why) context.report({ node, messageId: 'forbidden', data: { file: path.relative(root, file), source, why } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments[0]?.type === 'Literal')
          check(node, node.arguments[0].value);
      },
    };
  },
};
