/**
 * Proves the layer check (scripts/layers.mjs + .dependency-cruiser.cjs, run by `npm run lint`)
 * can fail: a small tree laid out like the repo passes, then files that cross the lines of
 * architecture.md (or import each other in a cycle) are added and each must be reported under
 * the right rule.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '..', '..');
const script = path.join(repo, 'scripts', 'layers.mjs');
const config = path.join(repo, '.dependency-cruiser.cjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
  /** For no-circular: the files of the cycle, each with how it imports the next. */
  cycle?: Array<{ name: string; dependencyTypes: string[] }>;
}

let dir: string;

function write(rel: string, text: string): void {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

function check(): { status: number | null; violations: Violation[]; raw: string } {
  const r = spawnSync(process.execPath, [script, '--config', config, '--json', 'main', 'shared', 'renderer'], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 180_000,
  });
  let violations: Violation[];
  try {
    violations = (JSON.parse(r.stdout) as { summary: { violations: Violation[] } }).summary.violations;
  } catch (err) {
    throw new Error(`layer check produced no JSON (exit ${r.status}):\n${r.stdout}\n${r.stderr}`, { cause: err });
  }
  return { status: r.status, violations, raw: r.stdout + r.stderr };
}

function rulesFor(violations: Violation[], from: string): string[] {
  return violations.filter((v) => v.from === from).map((v) => v.rule.name);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-layers-'));
  fs.copyFileSync(path.join(repo, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(dir, 'node_modules'), process.platform === 'win32' ? 'junction' : 'dir');

  // A tree that respects every line of the layer table.
  write('shared/ok.ts', "import { z } from 'zod';\nexport const schema = z.string();\n");
  write('shared/types.ts', "import type { schema } from './ok';\nexport type S = typeof schema;\n");
  write('main/store/ok.ts', "import { schema } from '../../shared/ok';\nimport fs from 'node:fs';\nexport const store = { schema, fs };\n");
  write(
    'main/files/ok.ts',
    "import path from 'node:path';\nimport { schema } from '../../shared/ok';\nexport const files = { path, schema };\n",
  );
  write(
    'main/core/ok.ts',
    "import { store } from '../store/ok';\nimport { files } from '../files/ok';\nexport const core = { store, files };\n",
  );
  write('main/dossier/ok.ts', "import { core } from '../core/ok';\nexport const dossier = core;\n");
  write(
    'main/cli/ok.ts',
    "import { core } from '../core/ok';\nimport { dossier } from '../dossier/ok';\nexport const cli = { core, dossier };\n",
  );
  write('main/bridge/ok.ts', "import { cli } from '../cli/ok';\nimport http from 'node:http';\nexport const bridge = { cli, http };\n");
  write('main/app/ok.ts', "import { app } from 'electron';\nimport { core } from '../core/ok';\nexport const main = { app, core };\n");
  write('renderer/src/ok.ts', "import type { S } from '../../shared/types';\nexport const ui: S | null = null;\n");
  write('renderer/vite.config.mts', "import path from 'node:path';\nexport default { root: path.resolve('.') };\n");
});

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('layer check (architecture.md)', () => {
  it('passes a tree that respects the layer table', () => {
    const r = check();
    expect(r.violations, r.raw).toEqual([]);
    expect(r.status).toBe(0);
  });

  it('fails on files that cross the lines, each under the right rule', () => {
    write('shared/__layer_probe.ts', "import fs from 'node:fs';\nexport const probe = fs;\n");
    write('shared/__probe_main.ts', "import { core } from '../main/core/ok';\nexport const probe = core;\n");
    write('renderer/src/__probe.ts', "import { ipcRenderer } from 'electron';\nexport const probe = ipcRenderer;\n");
    write('renderer/src/__probe_node.ts', "import path from 'node:path';\nexport const probe = path;\n");
    write('renderer/src/__probe_types.ts', "import type { core } from '../../main/core/ok';\nexport type P = typeof core;\n");
    write('main/store/__probe.ts', "import { core } from '../core/ok';\nexport const probe = core;\n");
    write('main/files/__probe.ts', "import { store } from '../store/ok';\nexport const probe = store;\n");
    write('main/core/__probe.ts', "import { main } from '../app/ok';\nexport const probe = main;\n");
    write('main/core/__probe_dossier.ts', "import { dossier } from '../dossier/ok';\nexport const probe = dossier;\n");
    write('main/core/__probe_electron.ts', "import { shell } from 'electron';\nexport const probe = shell;\n");
    write('main/cli/__probe.ts', "import { main } from '../app/ok';\nexport const probe = main;\n");
    write('main/bridge/__probe.ts', "import { main } from '../app/ok';\nexport const probe = main;\n");
    // A cycle of three files inside one layer, closed by a type-only import.
    write('shared/__cycle_a.ts', "import { b } from './__cycle_b';\nexport const a = b + 1;\n");
    write('shared/__cycle_b.ts', "import { c } from './__cycle_c';\nexport const b = c + 1;\n");
    write('shared/__cycle_c.ts', "import type { a } from './__cycle_a';\nexport const c = 1;\nexport type A = typeof a;\n");

    const r = check();
    expect(r.status, r.raw).not.toBe(0);
    const v = r.violations;

    // Each probe breaks the rule named beside it.
    for (const [probe, rule] of [
      ['shared/__layer_probe.ts', 'shared-and-renderer-no-builtins'],
      ['shared/__layer_probe.ts', 'shared-is-self-contained'],
      ['shared/__probe_main.ts', 'shared-is-self-contained'],
      ['renderer/src/__probe.ts', 'electron-only-in-main-app'],
      ['renderer/src/__probe_node.ts', 'shared-and-renderer-no-builtins'],
      ['renderer/src/__probe_types.ts', 'renderer-only-shared'],
      ['main/store/__probe.ts', 'store-layers'],
      ['main/files/__probe.ts', 'files-layers'],
      ['main/core/__probe.ts', 'core-layers'],
      ['main/core/__probe_dossier.ts', 'core-layers'],
      ['main/core/__probe_electron.ts', 'electron-only-in-main-app'],
      ['main/cli/__probe.ts', 'cli-not-app'],
      ['main/bridge/__probe.ts', 'bridge-not-app'],
    ] as const) {
      expect(rulesFor(v, probe), probe).toContain(rule);
    }
    // dependency-cruiser reports a cycle once, from one of its files, listing all of them.
    const cycles = v.filter((x) => x.rule.name === 'no-circular');
    expect(cycles, r.raw).toHaveLength(1);
    expect(cycles[0]!.cycle!.map((c) => c.name).sort()).toEqual(['shared/__cycle_a.ts', 'shared/__cycle_b.ts', 'shared/__cycle_c.ts']);
    expect(cycles[0]!.cycle!.some((c) => c.dependencyTypes.includes('type-only'))).toBe(true);

    // Nothing outside the probes is reported: the rules are precise, not just noisy.
    const offenders = new Set(v.map((x) => x.from));
    for (const f of offenders) expect(path.basename(f)).toMatch(/^__/);
    expect(v.every((x) => x.rule.severity === 'error')).toBe(true);
  });
});
