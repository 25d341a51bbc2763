import tseslint from 'typescript-eslint';
import { folderIndex } from './scripts/eslint/folderIndex.js';
import { layers } from './scripts/eslint/layers.js';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  ...tseslint.configs.recommended,
  // A disable comment that no longer disables anything is an error: it hides the next real problem.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { gatehouse: { rules: { layers, 'folder-index': folderIndex } } },
    rules: {
      'gatehouse/layers': 'error',
      'gatehouse/folder-index': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
);
