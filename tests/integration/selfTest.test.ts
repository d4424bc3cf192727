/**
 * The start-up self-test's code path under Node (main/selfTest.ts): the same steps Electron's
 * `--self-test` runs, with the handler table as the transport instead of the hidden window.
 * The worker step runs the real dossier worker — from TypeScript, and bundled by esbuild with
 * the plugin scripts/build-main.mjs uses, so the bundle's better-sqlite3 goes through
 * main/store/boundDatabase.ts and loads the file the main process chose.
 */
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore } from '../../main/api/open';
import { dispatch } from '../../main/core/runtime/dispatch';
import type { HostServices } from '../../main/core/runtime/context';
import { dossierWorkerProbe, runSelfTest, type SelfTestHost } from '../../main/selfTest';
import { latestVersion } from '../../main/store/migrations';
import { BINDING_ENV, BINDING_FILE } from '../../main/store/nativeBinding';
import { AppError } from '../../shared/result';

const root = path.resolve(__dirname, '..', '..');
const require = createRequire(path.join(root, 'package.json'));
const nodeBuild = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', BINDING_FILE);
/** The esbuild plugin scripts/build-main.mjs bundles with. */
async function plugin(): Promise<import('esbuild').Plugin> {
  const mod = (await import(pathToFileURL(path.join(root, 'scripts', 'bound-sqlite-plugin.mjs')).href)) as {
    boundSqlitePlugin: import('esbuild').Plugin;
  };
  return mod.boundSqlitePlugin;
}

/** Bundles a main-process entry as scripts/build-main.mjs does (its plugin, Node 20, CommonJS). */
async function bundleMain(options: Pick<import('esbuild').BuildOptions, 'entryPoints' | 'stdin' | 'outfile'>): Promise<void> {
  await build({
    ...options,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron', 'better-sqlite3', 'pdfkit', 'exceljs'],
    plugins: [await plugin()],
    logLevel: 'silent',
  });
}

const cliHost: HostServices = { kind: 'cli', blobUrl: (sha) => `blob:${sha}` };

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-selftest-'));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function nodeHost(over: Partial<SelfTestHost> = {}): SelfTestHost {
  return {
    open: (dataDir) => openCore({ dataDir, host: cliHost }),
    roundTrip: (core) => dispatch(core.handlers, 'app.status', {}),
    versions: process.versions,
    tmpRoot: tmp,
    ...over,
  };
}

describe('self-test under Node', () => {
  it('passes end to end and prints one line with the versions', async () => {
    const report = await runSelfTest(nodeHost());
    expect(report.steps.map((s) => [s.name, s.ok])).toEqual([
      ['数据库组件', true],
      ['临时数据文件夹与迁移', true],
      ['界面请求往返', true],
      ['档案生成进程', true],
    ]);
    expect(report.ok).toBe(true);
    const probe = new (require('better-sqlite3') as typeof import('better-sqlite3'))(':memory:');
    const sqlite = (probe.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    probe.close();
    expect(report.line).toBe(
      `OneBag 自检通过 self-test ok · Node ${process.versions.node} · 模块版本 ${process.versions.modules} · SQLite ${sqlite} · 数据库结构 ${latestVersion}`,
    );
    expect(report.line).not.toContain('\n');
    expect(fs.existsSync(report.dataDir)).toBe(false);
  });

  it('names the failing step and stops there', async () => {
    let workerRan = false;
    const report = await runSelfTest(
      nodeHost({
        roundTrip: async () => ({ ok: false, error: { code: 'FORBIDDEN', message: '拒绝来自未知页面的请求' } }),
        workerProbe: async () => {
          workerRan = true;
        },
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.line).toContain('OneBag 自检失败 self-test FAILED · 界面请求往返：FORBIDDEN 拒绝来自未知页面的请求');
    expect(workerRan).toBe(false);
    expect(fs.existsSync(report.dataDir)).toBe(false);
  });

  it('fails at the first step when no native build fits, before any data folder is opened', async () => {
    let opened = false;
    const report = await runSelfTest(
      nodeHost({
        nativeBinding: () => {
          throw new AppError('UNSUPPORTED', '缺少 Electron 41.7.1（linux-x64）版数据库组件');
        },
        open: (dataDir) => {
          opened = true;
          return openCore({ dataDir, host: cliHost });
        },
      }),
    );
    expect(report.ok).toBe(false);
    expect(report.line).toContain('数据库组件：缺少 Electron 41.7.1');
    expect(opened).toBe(false);
  });

  it('rejects an answer that does not come from the temporary data folder', async () => {
    const other = fs.mkdtempSync(path.join(tmp, 'other-'));
    const elsewhere = openCore({ dataDir: other, host: cliHost });
    try {
      const report = await runSelfTest(nodeHost({ roundTrip: () => dispatch(elsewhere.handlers, 'app.status', {}) }));
      expect(report.ok).toBe(false);
      expect(report.line).toContain('应答与临时数据文件夹不符');
    } finally {
      elsewhere.close();
    }
  });
});

describe('the bundled dossier worker loads the native build the main process chose', () => {
  let workerBundle: string;
  const savedBinding = process.env[BINDING_ENV];

  beforeAll(async () => {
    // Inside the repository so the bundle's externals (better-sqlite3, pdfkit) resolve from node_modules.
    const outDir = fs.mkdtempSync(path.join(root, 'node_modules', '.cache-onebag-selftest-'));
    workerBundle = path.join(outDir, 'dist', 'main', 'dossier', 'worker.js');
    await bundleMain({ entryPoints: [path.join(root, 'main', 'dossier', 'batch', 'worker.ts')], outfile: workerBundle });
  });

  afterAll(() => {
    fs.rmSync(path.dirname(path.dirname(path.dirname(path.dirname(workerBundle)))), { recursive: true, force: true });
    if (savedBinding === undefined) delete process.env[BINDING_ENV];
    else process.env[BINDING_ENV] = savedBinding;
  });

  it('the bundle routes better-sqlite3 through boundDatabase (one external require, the binding variable read)', () => {
    const text = fs.readFileSync(workerBundle, 'utf8');
    expect(text.match(/require\("better-sqlite3"\)/g)).toHaveLength(1);
    expect(text).toContain(BINDING_ENV);
  });

  it('a bundled self-test finds the bundled worker at its module path (dist/main/<entry>/ → dist/main/dossier/worker.js)', async () => {
    // The Electron main bundle lives in dist/main/app/; this Node entry sits there too.
    const entry = path.join(path.dirname(path.dirname(workerBundle)), 'app', 'self-test.js');
    const contents = [
      `import { runSelfTest } from ${JSON.stringify(path.join(root, 'main', 'selfTest'))};`,
      `import { openCore } from ${JSON.stringify(path.join(root, 'main', 'api', 'open'))};`,
      `import { dispatch } from ${JSON.stringify(path.join(root, 'main', 'core', 'runtime', 'dispatch'))};`,
      `runSelfTest({ versions: process.versions, open: (d) => openCore({ dataDir: d, host: { kind: 'cli', blobUrl: (s) => s } }),`,
      `  roundTrip: (core) => dispatch(core.handlers, 'app.status', {}) })`,
      `  .then((r) => { console.log(r.line); process.exit(r.ok ? 0 : 1); });`,
    ].join('\n');
    await bundleMain({ stdin: { contents, resolveDir: root, loader: 'ts' }, outfile: entry });
    const chosen = path.join(tmp, 'resources', 'native', BINDING_FILE);
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    fs.copyFileSync(nodeBuild, chosen);
    const env: NodeJS.ProcessEnv = { ...process.env, [BINDING_ENV]: chosen };
    const ok = spawnSync(process.execPath, [entry], { env, encoding: 'utf8', timeout: 180_000 });
    expect(ok.stdout.trim()).toMatch(/^OneBag 自检通过 self-test ok · Node /);
    expect(ok.status).toBe(0);

    // Without the worker next to the bundle, the worker step fails and says so.
    fs.renameSync(workerBundle, `${workerBundle}.away`);
    try {
      const bad = spawnSync(process.execPath, [entry], { env, encoding: 'utf8', timeout: 180_000 });
      expect(bad.stdout).toContain('OneBag 自检失败 self-test FAILED · 档案生成进程：');
      expect(bad.status).toBe(1);
    } finally {
      fs.renameSync(`${workerBundle}.away`, workerBundle);
    }
  });

  it('answers with the chosen file, and refuses a missing one with the Chinese message', async () => {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    openCore({ dataDir, host: cliHost }).close();

    const chosen = path.join(tmp, 'app.asar.unpacked', 'native', BINDING_FILE);
    fs.mkdirSync(path.dirname(chosen), { recursive: true });
    fs.copyFileSync(nodeBuild, chosen);
    process.env[BINDING_ENV] = chosen;
    await expect(dossierWorkerProbe(dataDir, workerBundle)).resolves.toBeUndefined();

    process.env[BINDING_ENV] = path.join(tmp, 'missing', BINDING_FILE);
    const err = await dossierWorkerProbe(dataDir, workerBundle).then(
      () => null,
      (e: unknown) => e as AppError,
    );
    expect(err?.message).toContain('缺少');
    expect(err?.message).toContain(path.join(tmp, 'missing', BINDING_FILE));
  });
});
