/**
 * County year-end batch: 100 cadres × ~60 pages through the real dossier worker thread
 * (target ≤ 3 min, peak RSS of the process — main and worker threads — ≤ 600 MB). The
 * Chromium comparison lives in dossier.bench.ts, on the same typeset document as OneBag's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument, PageSizes, StandardFonts } from 'pdf-lib';
import { openCore } from '../main/api/open';
import { addMaterial } from '../main/core/bag/bag';
import { createCadre } from '../main/core/cadres/cadres';
import { ensureCounty, ensureTownship, ensureVillage } from '../main/core/org/org';
import { idCheckChar } from '../shared/idNumber';
import type { MaterialCategory } from '../shared/domain';
import type { Bench } from './types';

const CADRES = Number(process.env.ONEBAG_BENCH_CADRES ?? 100);
const TEXT =
  '驻村以来，工作队坚持“五必到”要求，重要会议、重点工作、难点问题、重大纠纷、突发事件均到场处置。全年走访农户186户，收集意见建议37条，已办结31条；协调派出单位落实帮扶资金50万元，建成蔬菜大棚12座，村集体经济收入达到5.2万元。';

async function originals(dir: string): Promise<{ pdfs: string[]; scans: string[] }> {
  const pdfs: string[] = [];
  for (let f = 0; f < 10; f++) {
    const d = await PDFDocument.create();
    const font = await d.embedFont(StandardFonts.TimesRoman);
    for (let p = 0; p < 25; p++) {
      const page = d.addPage(PageSizes.A4);
      for (let l = 0; l < 40; l++)
        page.drawText(`Original ${f} page ${p} line ${l} lorem ipsum dolor sit amet`, { x: 50, y: 780 - l * 18, size: 11, font });
    }
    pdfs.push(path.join(dir, `orig-${f}.pdf`));
    fs.writeFileSync(pdfs.at(-1)!, await d.save());
  }
  const scans: string[] = [];
  const [w, h] = [827, 1169];
  for (let s = 0; s < 4; s++) {
    const data = Buffer.alloc(w * h * 4, 0);
    for (let i = 0; i < w * h; i++) data.fill(200 + ((i * (s + 3)) % 50), i * 4, i * 4 + 3).writeUInt8(255, i * 4 + 3);
    scans.push(path.join(dir, `scan-${s}.jpg`));
    fs.writeFileSync(scans.at(-1)!, jpeg.encode({ data, width: w, height: h }, 75).data);
  }
  return { pdfs, scans };
}

async function seed(dataDir: string, dir: string): Promise<number> {
  const core = openCore({ dataDir, host: { kind: 'cli', blobUrl: (s) => s } });
  const { db } = core.ctx;
  const countyId = ensureCounty(db, '基准县');
  const { pdfs, scans } = await originals(dir);
  for (let i = 0; i < CADRES; i++) {
    const t = ensureTownship(db, countyId, `第${(i % 5) + 1}镇`);
    const v = ensureVillage(db, t, `第${i + 1}村`);
    const first17 = `130702198001${String(1 + (i % 28)).padStart(2, '0')}${String(100 + i).padStart(3, '0')}`;
    const cadre = createCadre(
      db,
      {
        name: `干部${String(i + 1).padStart(3, '0')}`,
        gender: '男',
        birthDate: null,
        idNumber: first17 + idCheckChar(first17),
        partyStatus: '中共党员',
        phone: null,
        unitId: null,
        level: '县级',
        postType: '村党组织第一书记',
      },
      { townshipId: t, villageId: v, start: '2024-01-01', end: null },
    );
    // ~25 typeset pages of work log (text), a 25-page original, 2 scans
    const txt = path.join(dir, `log-${i}.txt`);
    fs.writeFileSync(txt, Array.from({ length: 102 }, (_, k) => `${k + 1}. ${TEXT}`).join('\n'));
    const mat = (title: string, category: string) => ({
      category: category as MaterialCategory,
      title,
      date: '2024-06-01',
      year: 2024,
      responsible: null,
      docNumber: null,
      secrecy: '公开' as const,
      notes: null,
    });
    await addMaterial(db, core.blobs, cadre.id, mat('年度工作日志', '年度工作日志'), [{ path: txt, name: '工作日志.txt' }]);
    await addMaterial(db, core.blobs, cadre.id, mat('调研报告', '调研报告'), [{ path: pdfs[i % pdfs.length]!, name: '调研报告.pdf' }]);
    await addMaterial(
      db,
      core.blobs,
      cadre.id,
      mat('会议记录扫描件', '会议记录'),
      scans.slice(0, 2).map((p, k) => ({ path: scans[(i + k) % scans.length] ?? p, name: `会议${k + 1}.jpg` })),
    );
  }
  core.close();
  return countyId;
}

export const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-batch-'));
  const dataDir = path.join(dir, 'data');
  const t = performance.now();
  const countyId = await seed(dataDir, dir);
  console.log(`  (seeding ${CADRES} cadres: ${((performance.now() - t) / 1000).toFixed(1)} s)`);

  // The batch runs in a fresh process (as the CLI runs it): the seeding above — thousands of
  // intake validations in this process — would otherwise count in the batch's peak RSS.
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'dossierBatchChild.ts'), dataDir, String(countyId), path.join(dir, 'out')],
    {
      encoding: 'utf8',
      maxBuffer: 16 << 20,
    },
  );
  if (child.status !== 0) throw new Error(`batch process failed: ${child.stderr}`);
  const r = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as {
    seconds: number;
    pages: number;
    cadres: number;
    failed: number;
    state: string;
    peakMb: number;
    maxRssMb: number;
  };
  const batchS = r.seconds;
  const rssMb = r.maxRssMb;
  const perPage = batchS / r.pages;
  console.log(
    `  batch: ${r.cadres} cadres, ${r.pages} pages (${(r.pages / r.cadres).toFixed(0)}/cadre), ${batchS.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB (sampled ${r.peakMb.toFixed(0)} MB), seeding process ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, failed ${r.failed}, state ${r.state}`,
  );

  console.log(`  ${(perPage * 1000).toFixed(1)} ms/page; the Chromium comparison is in dossier.bench.ts (same typeset document)`);
  if (process.env.ONEBAG_KEEP_BENCH) console.log(`  output kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return [
    {
      name: `county batch ${r.cadres} cadres × ${(r.pages / r.cadres).toFixed(0)} pages`,
      value: batchS,
      unit: 's',
      target: 180,
      better: 'lower',
    },
    { name: 'county batch peak RSS (main + worker)', value: rssMb, unit: 'MB', target: 600, better: 'lower' },
  ];
};
