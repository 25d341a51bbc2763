// ESLint rule that keeps the layers apart (VS Code's code-import-patterns, in small):
// - src-main/common imports only itself and zod: it runs in every runtime;
// - src-renderer imports only itself, src-main/common and browser-safe packages: never Node or Electron;
// - inside src-main, arrows run one way: {app, host} → ipc → services → {store, connectors} → common
//   (a layer may skip down — ipc maps store and connector errors — never up or sideways); preload sees only common.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(root, 'src-main');
const COMMON = path.join(MAIN, 'common');
const RENDERER = path.join(root, 'src-renderer');

/** What each src-main folder may import besides itself. */
const MAIN_LAYERS = {
  app: ['ipc', 'services', 'store', 'connectors', 'common'],
  host: ['ipc', 'services', 'store', 'connectors', 'common'],
  ipc: ['services', 'store', 'connectors', 'common'],
  services: ['store', 'connectors', 'common'],
  store: ['common'],
  connectors: ['common'],
  preload: ['common'],
};
const mainLayerOf = (file) => (inside(file, MAIN) ? path.relative(MAIN, file).split(path.sep)[0] : null);

const COMMON_PACKAGES = ['zod'];
/** Test files may also use the test tools; they are never bundled into the app. */
const TEST_PACKAGES = ['vitest', 'fast-check', '@testing-library/react', '@testing-library/dom'];
const isTestFile = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('testing');
const RENDERER_PACKAGES = ['zod', 'react', 'react-dom', 'zustand', '@tanstack/react-query', '@tanstack/react-table', '@tanstack/react-virtual', 'recharts'];

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
    const main = mainLayerOf(file);
    const layer = inside(file, COMMON) ? 'common' : inside(file, RENDERER) ? 'renderer' : main && Object.hasOwn(MAIN_LAYERS, main) ? main : null;
    if (!layer) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      let why = null;
      if (source.startsWith('.')) {
        const target = path.resolve(path.dirname(file), source);
        // Tests may read the bundled reference data as plain JSON; the code under test never does.
        // …and load it with the app's own loader (the bundled catalogue), instead of a disable comment per file.
        const testData =
          isTestFile(file) &&
          ((inside(target, path.join(root, 'resources')) && target.endsWith('.json')) || inside(target, path.join(MAIN, 'services', 'resources')));
        if (layer === 'common' && !inside(target, COMMON) && !testData) why = 'src-main/common imports only itself and zod';
        if (layer === 'renderer' && !inside(target, RENDERER) && !inside(target, COMMON))
          why = 'the renderer reaches the main process only through the contract (src-main/common)';
        const targetLayer = mainLayerOf(target);
        // Tests may set up what the code under test is given (e.g. the bundled catalogue from services).
        if (Object.hasOwn(MAIN_LAYERS, layer) && targetLayer && targetLayer !== layer && !MAIN_LAYERS[layer].includes(targetLayer) && !isTestFile(file))
          why = `src-main/${layer} may import only ${MAIN_LAYERS[layer].map((l) => `src-main/${l}`).join(', ')} (layers run {app, host} → ipc → services → {store, connectors} → common)`;
      } else if (Object.hasOwn(MAIN_LAYERS, layer)) {
        return; // packages: the main process may use Node and its dependencies
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
