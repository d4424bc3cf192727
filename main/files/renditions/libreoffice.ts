/**
 * Word, WPS and spreadsheet originals converted to PDF by LibreOffice, when the machine has it
 * (`soffice --headless --convert-to pdf`). Every run gets a fresh user profile in a temp folder
 * (a profile in use by a desktop LibreOffice would make the conversion wait or fail), a timeout
 * that kills the whole process group, and its own output folder. LibreOffice does not touch the
 * network for a conversion. The original bytes are copied to the temp folder under the right
 * extension: the blob store names files by hash, and LibreOffice picks its filter partly by name.
 * The app's bundled Chinese fonts are linked into the profile's user/fonts folder, which
 * LibreOffice reads: on a machine without Chinese system fonts the text would otherwise print as
 * boxes.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CANDIDATES =
  process.platform === 'win32'
    ? ['C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe']
    : process.platform === 'darwin'
      ? ['/Applications/LibreOffice.app/Contents/MacOS/soffice']
      : [
          '/usr/bin/soffice',
          '/usr/bin/libreoffice',
          '/usr/lib/libreoffice/program/soffice',
          '/opt/libreoffice/program/soffice',
          '/snap/bin/libreoffice',
        ];

let found: string | null | undefined;

/** The soffice executable, or null when LibreOffice is not installed. `ONEBAG_SOFFICE` overrides ("none" hides it). */
export function sofficePath(): string | null {
  const env = process.env.ONEBAG_SOFFICE;
  if (env) return env === 'none' ? null : fs.existsSync(env) ? env : null;
  if (found !== undefined) return found;
  const onPath = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .flatMap((d) =>
      process.platform === 'win32' ? [path.join(d, 'soffice.exe')] : [path.join(d, 'soffice'), path.join(d, 'libreoffice')],
    );
  found =
    [...onPath, ...CANDIDATES].find((p) => {
      try {
        fs.accessSync(p, fs.constants.X_OK);
        return fs.statSync(p).isFile();
      } catch {
        return false;
      }
    }) ?? null;
  return found;
}

export type Conversion = { ok: true; pdf: Buffer } | { ok: false; reason: string };

export const CONVERSION_TIMEOUT_MS = 120_000;

/** Converts one file; never throws. `ext` is the extension LibreOffice should see (docx, doc, wps, et, xls…). */
export async function convertWithLibreOffice(
  file: string,
  ext: string,
  opts: { fonts?: string[]; timeoutMs?: number } = {},
): Promise<Conversion> {
  const r = await convertTo(file, ext, 'pdf', opts);
  return r.ok ? { ok: true, pdf: r.bytes } : r;
}

/** A legacy spreadsheet (.xls, WPS .et) rewritten as .xlsx for reading; never throws. */
export async function convertSheetToXlsx(
  file: string,
  ext: string,
  opts: { timeoutMs?: number } = {},
): Promise<{ ok: true; xlsx: Buffer } | { ok: false; reason: string }> {
  const r = await convertTo(file, ext, 'xlsx', opts);
  return r.ok ? { ok: true, xlsx: r.bytes } : r;
}

async function convertTo(
  file: string,
  ext: string,
  to: 'pdf' | 'xlsx',
  opts: { fonts?: string[]; timeoutMs?: number },
): Promise<{ ok: true; bytes: Buffer } | { ok: false; reason: string }> {
  const timeoutMs = opts.timeoutMs ?? CONVERSION_TIMEOUT_MS;
  const soffice = sofficePath();
  if (!soffice) return { ok: false, reason: '本机未安装 LibreOffice，无法转换该格式' };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-lo-'));
  try {
    const input = path.join(dir, `original.${ext.replace(/[^a-z0-9]/gi, '') || 'bin'}`);
    fs.copyFileSync(file, input);
    const outDir = path.join(dir, 'out');
    fs.mkdirSync(outDir);
    const fontDir = path.join(dir, 'profile', 'user', 'fonts');
    fs.mkdirSync(fontDir, { recursive: true });
    for (const f of opts.fonts ?? []) {
      const link = path.join(fontDir, path.basename(f));
      try {
        fs.symlinkSync(f, link);
      } catch {
        fs.copyFileSync(f, link);
      }
    }
    const profile = pathToFileURL(path.join(dir, 'profile')).href;
    const args = [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--invisible',
      '--nologo',
      '--nodefault',
      '--nolockcheck',
      '--norestore',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      input,
    ];
    const result = await run(soffice, args, timeoutMs);
    const out = path.join(outDir, `original.${to}`);
    if (result === 'timeout') return { ok: false, reason: `LibreOffice 转换超时（超过 ${Math.round(timeoutMs / 1000)} 秒）` };
    if (!fs.existsSync(out) || fs.statSync(out).size === 0) {
      return {
        ok: false,
        reason: `LibreOffice 无法转换该文件（${result === 'error' ? '无法启动' : `退出码 ${result}`}），文件可能已损坏或加密`,
      };
    }
    return { ok: true, bytes: fs.readFileSync(out) };
  } catch (e) {
    return { ok: false, reason: `LibreOffice 转换失败（${String((e as Error)?.message ?? e).slice(0, 80)}）` };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], timeoutMs: number): Promise<number | 'timeout' | 'error'> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      stdio: 'ignore',
      detached: process.platform !== 'win32',
      env: { ...process.env, SAL_USE_VCLPLUGIN: 'svp' },
    });
    let done = false;
    const timer = setTimeout(() => {
      if (done) return;
      done = true;
      try {
        if (process.platform !== 'win32' && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        /* already gone */
      }
      resolve('timeout');
    }, timeoutMs);
    child.on('error', () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve('error');
    });
    child.on('exit', (code) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}
