/**
 * The memory cases shared by tests/adversarial/intakeMemory.test.ts and the intake-memory bench:
 * each is one hostile or huge file handed to the real CLI in its own process, whose peak RSS is read.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CADRE_ID, dataFolderWithCadre } from './intakeCli';
import { blackPng, flateBombPdf, sharedStringsBombXlsx, sparseFile, write, writeBigImagePdf } from './intakeFiles';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const MiB = 1024 * 1024;

export interface MemoryCase {
  name: string;
  /** Writes the input into `dir` and returns the onebag arguments after --data. */
  make(dir: string): string[];
  /** Exit code expected: 0 filed, 1 refused. */
  code: 0 | 1;
  message?: RegExp;
}

const attach = (...files: string[]) => ['attach', '--cadre', CADRE_ID, '--category', '其他佐证材料', '--title', '大文件', ...files];

export const MEMORY_CASES: MemoryCase[] = [
  {
    name: '1.5 GiB PDF, cap raised to 2 GB (refused by the PDF parse budget)',
    make: (dir) => [
      'attach',
      '--cadre',
      CADRE_ID,
      '--category',
      '其他佐证材料',
      '--title',
      '大文件',
      '--max-file-size',
      '2G',
      sparseFile(path.join(dir, 'huge.pdf'), '%PDF-1.7\n', 1.5 * 1024 * MiB),
    ],
    code: 1,
    message: /超过可完整校验的上限/,
  },
  {
    name: '250 MB PDF with one image (filed, every stream checked)',
    make: (dir) => attach(writeBigImagePdf(path.join(dir, 'big.pdf'), 250 * MiB)),
    code: 0,
  },
  {
    name: 'PNG 20000×9000 (540 MB of pixels from 0.5 MB, filed)',
    make: (dir) => attach(write(dir, 'big.png', blackPng(20000, 9000))),
    code: 0,
  },
  {
    name: 'PDF with a 1 GiB flate bomb content stream (refused)',
    make: (dir) => attach(write(dir, 'bomb.pdf', flateBombPdf(1024 * MiB))),
    code: 1,
    message: /疑似压缩炸弹/,
  },
  {
    name: 'xlsx roster whose shared strings inflate to 1 GiB, directory lying (refused)',
    make: (dir) => ['import-roster', write(dir, 'roster.xlsx', sharedStringsBombXlsx(1024 * MiB, true))],
    code: 1,
    message: /疑似压缩炸弹/,
  },
];

export function runMemoryCase(c: MemoryCase, tmp: string): { code: number; err: string; peakRssMb: number } {
  const dir = fs.mkdtempSync(path.join(tmp, 'case-'));
  const dataDir = path.join(dir, 'data');
  dataFolderWithCadre(dataDir);
  try {
    const args = c.make(dir);
    const r = spawnSync(TSX, [path.join(ROOT, 'tests/adversarial/intakeChild.ts'), '--data', dataDir, ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ONEBAG_DATA: '', NO_COLOR: '1' },
      timeout: 300_000,
    });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`child failed (${r.status}): ${r.stderr}`);
    return JSON.parse(line) as { code: number; err: string; peakRssMb: number };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
