// ESLint 10 flat config. Besides the usual TS/React rules it carries the architecture: the
// folder boundaries of docs/ARCHITECTURE.md (see also tsconfig.engine.json).
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import reactRefresh from 'eslint-plugin-react-refresh';
import tseslint from 'typescript-eslint';
import { defineConfig, globalIgnores } from 'eslint/config';

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];

/**
 * What the pure engine may not import: UI libraries and the app's own UI/store layers.
 * (Gitignore syntax: a leading `/` anchors a package name, so `/react` does not match `@xyflow/react`.)
 */
const ENGINE_IMPORT_BANS = [
  { group: ['/react', '/react/**', '/react-*', '/react-*/**'], message: 'The engine is UI-free.' },
  { group: ['@xyflow/*'], message: 'The engine is UI-free.' },
  { group: ['/zustand', '/zustand/**', '/zustand-*'], message: 'State lives in src/store.' },
  {
    group: ['/d3', '/d3/**', '/d3-selection', '/d3-transition', '/d3-zoom'],
    message: 'DOM-bound d3 modules belong in src/ui.',
  },
  { group: ['@codemirror/*', '/codemirror', '/codemirror/**'], message: 'The editor is UI.' },
  { group: ['/lz-string'], message: 'URL state is the store’s job.' },
  { group: ['**/store', '**/store/**'], message: 'The engine may not depend on the store.' },
  { group: ['**/ui', '**/ui/**'], message: 'The engine may not depend on the UI.' },
];

/** From outside, the engine is reached only through its public entry point. */
const ENGINE_ENTRY_ONLY = {
  regex: '(^|/)engine/(?!index\\.ts$).+',
  message: 'Import the engine only through src/engine/index.ts.',
};

export default defineConfig([
  globalIgnores(['dist', 'test-results', 'playwright-report', 'coverage', 'reports']),
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [
      js.configs.recommended,
      tseslint.configs.recommended,
      reactHooks.configs.flat.recommended,
      reactRefresh.configs.vite,
    ],
    languageOptions: { ecmaVersion: 2023, globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    // The engine is pure: no UI imports, no hidden time or randomness, no timers or DOM.
    files: ['src/engine/**/*.{ts,tsx}'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': ['error', { patterns: ENGINE_IMPORT_BANS }],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Pass the time in as a parameter.' },
        { object: 'Math', property: 'random', message: 'Use the seeded rng passed in.' },
      ],
      'no-restricted-globals': [
        'error',
        ...['setTimeout', 'setInterval', 'requestAnimationFrame'].map((name) => ({
          name,
          message: 'The engine returns data; the caller schedules.',
        })),
        ...['window', 'document', 'performance'].map((name) => ({
          name,
          message: 'The engine runs without a browser (Node, CLI, workers).',
        })),
      ],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/cli/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_ENTRY_ONLY] }] },
  },
  {
    files: ['src/store/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ENGINE_ENTRY_ONLY,
            { group: ['**/ui', '**/ui/**'], message: 'The store may not depend on the UI.' },
          ],
        },
      ],
    },
  },
]);
