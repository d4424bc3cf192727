// Flat ESLint config: syntax-level rules everywhere, plus type-aware promise rules on the
// product code (main/, shared/, renderer/; the CLI is main/cli). `npm run typecheck` does the
// rest of the type work. Layer rules live in .dependency-cruiser.cjs.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The rules of hooks at their recommended levels. The React Compiler diagnostics that
// eslint-plugin-react-hooks 7 adds to "recommended" are advice about render performance, not
// correctness: they are not part of `npm run lint` (running the compiler over every component was
// three quarters of ESLint's time, about 60 CPU-s, for warnings that never fail; issue 15).
// `npm run lint:react-advice` shows them (eslint.react-advice.config.mjs).
const HOOKS_RULES = {
  'react-hooks/rules-of-hooks': reactHooks.configs.flat.recommended.rules['react-hooks/rules-of-hooks'],
  'react-hooks/exhaustive-deps': reactHooks.configs.flat.recommended.rules['react-hooks/exhaustive-deps'],
};

// SQL lives in main/core, main/store and main/exchange alone (docs/architecture.md): everywhere
// else a statement is prepared by calling a function of those rooms. A file that still had to
// prepare SQL would be listed in SQL_STILL_OUTSIDE until its SQL moved; the list is empty and
// only ever shrinks.
const SQL_ROOMS = ['main/core/**', 'main/store/**', 'main/exchange/**'];
const SQL_STILL_OUTSIDE = [];
const SQL_MESSAGE = 'SQL lives in main/core, main/store or main/exchange: call a function there instead (docs/architecture.md).';
const NO_SQL_OUTSIDE_ROOMS = [
  { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='prepare']", message: SQL_MESSAGE },
  { selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='pragma']", message: SQL_MESSAGE },
  // db.exec('BEGIN IMMEDIATE'): SQL text as the argument (a RegExp's exec takes a variable).
  {
    selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='exec'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
    message: SQL_MESSAGE,
  },
];

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
    rules: { 'no-restricted-syntax': ['error', ...NO_SQL_OUTSIDE_ROOMS] },
  },
  // Handlers only wire (docs/architecture.md): a transaction belongs to a use case in core.
  {
    files: ['main/api/handlers/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...NO_SQL_OUTSIDE_ROOMS,
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='transaction']",
          message: 'Handlers only wire: run the transaction in a use case of main/core (or main/exchange) and call that.',
        },
      ],
    },
  },
  // Type-aware: a promise is awaited, returned, or explicitly let go with `void` (and a reason);
  // no promise where a plain value or a void callback is expected (an event handler that throws
  // after an await would be lost: the renderer wraps such handlers in util/settle.ts).
  // The types come from ONE program over the three layers (tsconfig.lint.json) instead of one per
  // layer's tsconfig (the project service built main/ twice, for main and main/app): less CPU and
  // memory (issue 15). The layers' own configs do the type checking (`npm run typecheck`).
  {
    files: ['main/**/*.{ts,tsx}', 'shared/**/*.{ts,tsx}', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.config.*'],
    languageOptions: { parserOptions: { project: ['./tsconfig.lint.json'], tsconfigRootDir: import.meta.dirname } },
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
    rules: HOOKS_RULES,
  },
  // Component tests run React under vitest.
  {
    files: ['tests/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: HOOKS_RULES,
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
