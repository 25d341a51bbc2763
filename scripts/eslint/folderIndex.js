// ESLint rule: a folder's index.ts states its public surface (CASL's casl-ability/src, fiddle), so code outside
// the folder imports the folder and never a file inside it. Inside, files import each other directly and never
// their own folder's index: the index re-exports them, so that import would be a cycle.
// The folders: each one in src-main/common and src-main/services, src-main/connectors and src-main/store (nested
// folders inside them, such as store/repos, are internal). A folder's `testing/` helpers are not on its surface:
// only tests import them (the app would bundle fast-check and test data otherwise).
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..');
const MAIN = path.join(root, 'src-main');

const inside = (file, dir) => file === dir || file.startsWith(dir + path.sep);
/** Test code: unit tests beside the code, test helpers, and everything under tests/. */
const isTestFile = (file) => /\.test\.tsx?$/.test(file) || file.split(path.sep).includes('testing') || inside(file, path.join(root, 'tests'));

/** The folder whose index.ts speaks for `target`, or null when `target` is in no such folder. */
function folderOf(target) {
  const parts = path.relative(MAIN, target).split(path.sep);
  if (parts[0] === '..' || path.isAbsolute(parts[0])) return null;
  if ((parts[0] === 'common' || parts[0] === 'services') && parts.length >= 3) return path.join(MAIN, parts[0], parts[1]);
  if ((parts[0] === 'connectors' || parts[0] === 'store') && parts.length >= 2) return path.join(MAIN, parts[0]);
  return null;
}
const isIndexOf = (target, folder) => [folder, path.join(folder, 'index'), path.join(folder, 'index.ts')].includes(target);

/** @type {import('eslint').Rule.RuleModule} */
export const folderIndex = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      deep: '{{file}} imports "{{source}}" from inside {{folder}}: import "{{suggested}}" (its index.ts) instead',
      ownIndex: '{{file}} imports its own folder\'s index ("{{source}}"), which re-exports it: import the file it needs',
      testing: '{{file}} imports the test helpers "{{source}}": only tests may',
    },
  },
  create(context) {
    const file = path.resolve(context.filename);
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = path.resolve(path.dirname(file), source);
      // Inside a folder of its own, an import of that folder's index.
      const own = folderOf(file);
      if (own && isIndexOf(target, own) && !isTestFile(file)) {
        context.report({ node, messageId: 'ownIndex', data: { file: path.relative(root, file), source } });
        return;
      }
      const folder = folderOf(target);
      if (!folder || inside(file, folder) || isIndexOf(target, folder)) return;
      const data = { file: path.relative(root, file), source, folder: path.relative(root, folder) };
      if (path.relative(folder, target).split(path.sep)[0] === 'testing') {
        if (!isTestFile(file)) context.report({ node, messageId: 'testing', data });
        return;
      }
      let suggested = path.relative(path.dirname(file), folder).split(path.sep).join('/');
      if (!suggested.startsWith('.')) suggested = `./${suggested}`;
      context.report({ node, messageId: 'deep', data: { ...data, suggested } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
