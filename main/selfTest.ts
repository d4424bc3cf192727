/**
 * The start-up self-test (`onebag --self-test`, `electron . --self-test`): proves on the machine
 * at hand that the pieces which differ between a developer checkout, an installed app and a
 * worker thread actually fit together — without touching the user's data:
 *
 *   1. the native build of better-sqlite3 this process loads (main/store/nativeBinding.ts);
 *   2. a temporary data folder opened by the same openCore every host uses, migrations run;
 *   3. one request through the host's own path (Electron: hidden window → preload → IPC →
 *      handler table; tests: the handler table) answered from that database;
 *   4. the dossier worker thread found at its module path, opening the database with the same
 *      native build and answering (a request for a cadre that does not exist → NOT_FOUND).
 *
 * It prints ONE line: the versions (Electron, Node, module version, SQLite) when everything
 * passed, else the step that failed and why. The Electron part (main/app/selfTestMode.ts) only
 * supplies `open` and `roundTrip`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppStatus } from '../shared/domain';
import type { Result } from '../shared/result';
import { AppError } from '../shared/result';
import type { OpenCore } from './api/open';
import { JobRunner } from './dossier/batch/jobs';
import { latestVersion } from './store/migrations';
import { currentNativeBinding, type NativeBindingChoice } from './store/nativeBinding';
import { schemaVersion, sqliteVersion } from './store/db';

export interface SelfTestHost {
  /** Opens the core on `dataDir` the way the host does at start-up. */
  open(dataDir: string): Promise<OpenCore> | OpenCore;
  /** One request for 'app.status' through the host's transport. */
  roundTrip(core: OpenCore): Promise<Result<unknown>>;
  /** process.versions of the running host. */
  versions: NodeJS.ProcessVersions & { electron?: string };
  /** Where the temporary data folder is made (default: the OS temp folder). */
  tmpRoot?: string;
  /** The native-binding choice (default: this process's, made once). */
  nativeBinding?: () => NativeBindingChoice;
  /** Runs the worker probe (default: the real dossier worker). */
  workerProbe?: (dataDir: string) => Promise<void>;
}

export interface SelfTestStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface SelfTestReport {
  ok: boolean;
  /** The one line printed on stdout. */
  line: string;
  steps: SelfTestStep[];
  dataDir: string;
}

/** Asks the real dossier worker for a cadre id no database holds; only NOT_FOUND proves it ran. */
export async function dossierWorkerProbe(dataDir: string, workerFile?: string): Promise<void> {
  const runner = new JobRunner({ dataDir, workerFile });
  try {
    await runner.generate({ cadreId: 2_147_483_647, year: 2000, outPath: path.join(dataDir, 'self-test.pdf') });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return;
    throw err;
  }
  throw new Error('档案生成进程对不存在的干部返回了结果');
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');

export async function runSelfTest(host: SelfTestHost): Promise<SelfTestReport> {
  const steps: SelfTestStep[] = [];
  const dataDir = fs.mkdtempSync(path.join(host.tmpRoot ?? os.tmpdir(), 'onebag-self-test-'));
  let core: OpenCore | null = null;
  let sqlite = '?';
  let moduleVersion = host.versions.modules;

  const step = async (name: string, fn: () => Promise<string> | string): Promise<boolean> => {
    try {
      steps.push({ name, ok: true, detail: await fn() });
      return true;
    } catch (err) {
      steps.push({ name, ok: false, detail: message(err) });
      return false;
    }
  };

  const passed =
    (await step('数据库组件', () => {
      const choice = (host.nativeBinding ?? currentNativeBinding)();
      if (choice.kind === 'file') moduleVersion = String(choice.moduleVersion);
      return choice.kind === 'file' ? choice.file : 'node_modules 内置版本';
    })) &&
    (await step('临时数据文件夹与迁移', async () => {
      core = await host.open(dataDir);
      const version = schemaVersion(core.ctx.db);
      if (version !== latestVersion) throw new Error(`数据库结构版本为 ${version}，应为 ${latestVersion}`);
      sqlite = sqliteVersion(core.ctx.db);
      return `结构版本 ${version}`;
    })) &&
    (await step('界面请求往返', async () => {
      const r = await host.roundTrip(core!);
      if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
      const status = r.value as AppStatus;
      if (status.schemaVersion !== latestVersion || path.resolve(status.dataDir) !== path.resolve(dataDir)) {
        throw new Error(`应答与临时数据文件夹不符（${status.dataDir}，结构版本 ${status.schemaVersion}）`);
      }
      return `app.status 经 ${status.host}`;
    })) &&
    (await step('档案生成进程', async () => {
      await (host.workerProbe ?? dossierWorkerProbe)(dataDir);
      return '已应答';
    }));

  try {
    (core as OpenCore | null)?.close();
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // best effort: a temporary folder left behind is harmless
  }

  const v = host.versions;
  const versions = [
    v.electron ? `Electron ${v.electron}` : null,
    `Node ${v.node}`,
    `模块版本 ${moduleVersion}`,
    `SQLite ${sqlite}`,
    `数据库结构 ${latestVersion}`,
  ].filter(Boolean);
  const failed = steps.find((s) => !s.ok);
  const line = passed
    ? `OneBag 自检通过 self-test ok · ${versions.join(' · ')}`
    : `OneBag 自检失败 self-test FAILED · ${failed?.name ?? '?'}：${failed?.detail ?? '?'} · ${versions.join(' · ')}`;
  return { ok: passed, line, steps, dataDir };
}
