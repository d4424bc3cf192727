// Flat ESLint config: syntax-level rules everywhere, plus type-aware promise rules on the
// product code (main/, shared/, renderer/; the CLI is main/cli). `npm run typecheck` does the
// rest of the type work. Layer rules live in .dependency-cruiser.cjs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The rules of hooks stay errors. The React Compiler diagnostics that eslint-plugin-react-hooks 7
// adds to "recommended" are advice about render performance, not correctness: warnings.
const REACT_COMPILER_ADVICE = Object.fromEntries(
  Object.entries(reactHooks.configs.flat.recommended.rules)
    .filter(([name]) => name !== 'react-hooks/rules-of-hooks' && name !== 'react-hooks/exhaustive-deps')
    .map(([name]) => [name, 'warn']),
);

// SQL lives in main/core, main/store and main/exchange alone (docs/architecture.md): everywhere
// else a statement is prepared by calling a function of those rooms. The files listed below
// still prepare SQL and are to be moved (issue 15); the list only ever shrinks.
const SQL_ROOMS = ['main/core/**', 'main/store/**', 'main/exchange/**'];
const SQL_STILL_OUTSIDE = ['main/demo/demo.ts'];
const NO_SQL_OUTSIDE_ROOMS = {
  selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']",
  message: 'SQL lives in main/core, main/store or main/exchange: call a function there instead of .prepare() (docs/architecture.md).',
};

export default defineConfig(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'release/',
      'test-results/',
      'playwright-report/',
      '.reports/',
      'coverage/',
      '**/*.d.ts',
      'renderer/public/pdfjs/',
      // engineers' scratch folders (untracked experiments)
      '.scratch*/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      // Chinese text legitimately contains the ideographic space (U+3000) in strings.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true, skipRegExps: true, skipJSXText: true }],
      // File-name sanitising matches control characters on purpose.
      'no-control-regex': 'off',
      // Reported, not fatal: an initialiser overwritten on every path, a draining sink generator.
      'no-useless-assignment': 'warn',
      'require-yield': 'warn',
    },
  },
  // Node: main process, CLI, bridge, scripts, tests, benchmarks, configs.
  {
    files: ['main/**', 'scripts/**', 'bin/**', 'tests/**', 'bench/**', '*.{js,cjs,mjs,ts,mts,cts}', '.ci/**'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['main/**', 'shared/**', 'renderer/**'],
    ignores: [...SQL_ROOMS, ...SQL_STILL_OUTSIDE],
    rules: { 'no-restricted-syntax': ['error', NO_SQL_OUTSIDE_ROOMS] },
  },
  // Type-aware: a promise is awaited, returned, or explicitly let go with `void` (and a reason);
  // no promise where a plain value or a void callback is expected (an event handler that throws
  // after an await would be lost: the renderer wraps such handlers in util/settle.ts).
  {
    files: ['main/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.config.*'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  // CommonJS files may require().
  {
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Browser: the renderer (React) — hooks rules apply here.
  {
    files: ['renderer/**/*.{ts,tsx,js,jsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, ...REACT_COMPILER_ADVICE },
  },
  // Component tests run React under vitest.
  {
    files: ['tests/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.flat.recommended.rules, ...REACT_COMPILER_ADVICE },
  },
  // Tests: `any` in assertions is fine; Playwright fixtures use `async ({}, use) => …`.
  {
    files: ['tests/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      'no-empty-pattern': ['error', { allowObjectPatternsAsParameters: true }],
    },
  },
);
