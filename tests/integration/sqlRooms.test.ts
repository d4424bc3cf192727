/**
 * Proves the lint rule that keeps SQL in its rooms (eslint.config.mjs: `.prepare(`, `.pragma(`
 * and `.exec('…')` only in main/core, main/store and main/exchange) can fail: the same statements
 * are reported in the command line, the bridge, the desktop glue, dossier, the demo and a renderer
 * file, and pass in the three rooms; a RegExp's exec is not SQL.
 */
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..', '..');
const CODE = [
  "export const count = (db: { prepare(sql: string): { get(): unknown } }) => db.prepare('SELECT COUNT(*) FROM cadres').get();",
  "export const begin = (db: { exec(sql: string): void }) => db.exec('BEGIN IMMEDIATE');",
  "export const wal = (db: { pragma(sql: string): unknown }) => db.pragma('journal_mode = WAL');",
  'export const digits = (s: string) => /(\\d+)/.exec(s);',
  '',
].join('\n');
let eslint: ESLint;

async function sqlMessages(file: string): Promise<string[]> {
  const [result] = await eslint.lintText(CODE, { filePath: path.join(repo, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.message);
}

beforeAll(() => {
  // The probes are not files of any tsconfig project: lint them without type information
  // (the type-aware promise rules are checked by npm run lint on the real tree).
  eslint = new ESLint({
    cwd: repo,
    overrideConfig: {
      languageOptions: { parserOptions: { projectService: false, project: null } },
      rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off' },
    },
  });
});

describe('SQL only in main/core, main/store and main/exchange', () => {
  it.each([
    'main/cli/commands/__probe.ts',
    'main/bridge/__probe.ts',
    'main/app/__probe.ts',
    'main/api/handlers/__probe.ts',
    'main/dossier/fromDb/__probe.ts',
    'main/demo/__probe.ts',
    'renderer/src/__probe.ts',
  ])('reports .prepare(, .exec(SQL) and .pragma( in %s', async (file) => {
    const reported = expect.stringContaining('SQL lives in main/core, main/store or main/exchange');
    expect(await sqlMessages(file)).toEqual([reported, reported, reported]);
  });

  it.each(['main/core/__probe.ts', 'main/store/__probe.ts', 'main/exchange/__probe.ts'])('allows it in %s', async (file) => {
    expect(await sqlMessages(file)).toEqual([]);
  });

  it('reports a transaction in a handler, which only wires, and not in core', async () => {
    const code = 'export const save = (db: { transaction(f: () => void): () => void }) => db.transaction(() => undefined)();\n';
    const messages = async (file: string) =>
      (await eslint.lintText(code, { filePath: path.join(repo, file) }))[0]!.messages.map((m) => m.message);
    expect(await messages('main/api/handlers/__probe.ts')).toEqual([expect.stringContaining('Handlers only wire')]);
    expect(await messages('main/core/__probe.ts')).toEqual([]);
  });
});
