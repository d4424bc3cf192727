/**
 * County year-end batch: 100 cadres × ~60 pages through the real dossier worker thread
 * (target ≤ 3 min, peak RSS of the process — main and worker threads — ≤ 600 MB), and
 * Chromium's --print-to-pdf of equivalent HTML (cover, catalogue and typeset text pages)
 * timed in the same run: OneBag must be ≥ 5× faster per page.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jpeg from 'jpeg-js';
import { PDFDocument, PageSizes, StandardFonts } from 'pdf-lib';
import { openCore } from '../main/api/open';
import { addMaterial } from '../main/core/bag';
import { createCadre } from '../main/core/cadres';
import { ensureCounty, ensureTownship, ensureVillage } from '../main/core/org';
import { JobRunner } from '../main/dossier/batch/jobs';
import { resolveFontFile } from '../main/dossier/fonts';
import { idCheckChar } from '../shared/idNumber';
import type { MaterialCategory } from '../shared/domain';
import type { Bench } from './types';

const CADRES = 100;
const TEXT = '驻村以来，工作队坚持“五必到”要求，重要会议、重点工作、难点问题、重大纠纷、突发事件均到场处置。全年走访农户186户，收集意见建议37条，已办结31条；协调派出单位落实帮扶资金50万元，建成蔬菜大棚12座，村集体经济收入达到5.2万元。';

async function originals(dir: string): Promise<{ pdfs: string[]; scans: string[] }> {
  const pdfs: string[] = [];
  for (let f = 0; f < 10; f++) {
    const d = await PDFDocument.create();
    const font = await d.embedFont(StandardFonts.TimesRoman);
    for (let p = 0; p < 25; p++) {
      const page = d.addPage(PageSizes.A4);
      for (let l = 0; l < 40; l++) page.drawText(`Original ${f} page ${p} line ${l} lorem ipsum dolor sit amet`, { x: 50, y: 780 - l * 18, size: 11, font });
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
      { name: `干部${String(i + 1).padStart(3, '0')}`, gender: '男', birthDate: null, idNumber: first17 + idCheckChar(first17), partyStatus: '中共党员', phone: null, unitId: null, level: '县级', postType: '村党组织第一书记' },
      { townshipId: t, villageId: v, start: '2024-01-01', end: null },
    );
    // ~25 typeset pages of work log (text), a 25-page original, 2 scans
    const txt = path.join(dir, `log-${i}.txt`);
    fs.writeFileSync(txt, Array.from({ length: 90 }, (_, k) => `${k + 1}. ${TEXT}`).join('\n'));
    const mat = (title: string, category: string) => ({ category: category as MaterialCategory, title, date: '2024-06-01', year: 2024, responsible: null, docNumber: null, secrecy: '公开' as const, notes: null });
    await addMaterial(db, core.blobs, cadre.id, mat('年度工作日志', '年度工作日志'), [{ path: txt, name: '工作日志.txt' }]);
    await addMaterial(db, core.blobs, cadre.id, mat('调研报告', '调研报告'), [{ path: pdfs[i % pdfs.length]!, name: '调研报告.pdf' }]);
    await addMaterial(db, core.blobs, cadre.id, mat('会议记录扫描件', '会议记录'), scans.slice(0, 2).map((p, k) => ({ path: scans[(i + k) % scans.length] ?? p, name: `会议${k + 1}.jpg` })));
  }
  core.close();
  return countyId;
}

/** One cadre's cover, catalogue, info sheet, work-log pages, landscape attendance table and 备考表 as HTML. */
function cadreHtml(i: number, logParas: number): string {
  const cells = (n: number, v: string) => Array.from({ length: n }, () => `<td>${v}</td>`).join('');
  const att = Array.from({ length: 12 }, (_, m) => `<tr><td>${m + 1}月</td>${cells(31, '√')}<td>22</td><td>22</td><td>0</td><td>0</td><td>张书记 2024-${m + 1}-05</td></tr>`).join('');
  const cat = Array.from({ length: 8 }, (_, r) => `<tr><td>${r + 1}</td><td>0001-WS·2024-D30-ZZB-${String(r + 1).padStart(4, '0')}</td><td></td><td>干部${i}</td><td>工作日志${r}</td><td>20240601</td><td></td><td>${r * 3 + 3}</td><td></td></tr>`).join('');
  return `<section><p class="r">档号：0001-WS·2024-D30-ZZB-${i}</p><h1>选派干部工作实绩档案</h1><p class="c">（2024年度）</p><table><tr><td>姓名</td><td>干部${i}</td></tr><tr><td>派出单位</td><td>县农业农村局</td></tr></table></section>
  <section><h2>卷内目录</h2><table>${cat}</table></section>
  <section><h2>选派干部基本情况表</h2><table>${Array.from({ length: 5 }, () => '<tr><td>姓名</td><td>干部</td><td>性别</td><td>男</td></tr>').join('')}</table></section>
  <section><h2>年度工作日志</h2>${Array.from({ length: logParas }, (_, k) => `<p>${k + 1}. ${TEXT}</p>`).join('')}</section>
  <section class="land"><h3>考勤情况（按月）</h3><table class="small">${att}</table></section>
  <section><h2>备考表</h2><p>本卷共有文件材料8件。</p><p class="r">立卷人：某某　2024年12月20日</p></section>`;
}

function chromiumRun(dir: string, cadres: number, logParas: number): { seconds: number; pages: number } {
  const font = resolveFontFile('serif');
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>
    @font-face { font-family: NotoSerifSC; src: url('file://${font}'); }
    @page { size: A4; margin: 37mm 26mm 35mm 28mm; @bottom-right { content: "— " counter(page) " —"; } }
    @page land { size: A4 landscape; margin: 28mm 20mm; }
    body { font-family: NotoSerifSC; font-size: 16pt; line-height: 28.9pt; text-align: justify; }
    section { page-break-after: always; } .land { page: land; } p { text-indent: 2em; margin: 0; } .r { text-align: right; }
    h1, h2, h3, .c { text-align: center; } table { border-collapse: collapse; font-size: 10.5pt; line-height: 1.3; }
    td { border: 0.5pt solid #000; padding: 2pt; } .small { font-size: 7pt; }
  </style></head><body>${Array.from({ length: cadres }, (_, i) => cadreHtml(i + 1, logParas)).join('')}</body></html>`;
  const file = path.join(dir, 'equiv.html');
  fs.writeFileSync(file, html);
  const out = path.join(dir, 'chromium.pdf');
  const t = performance.now();
  execFileSync('/usr/bin/chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--no-pdf-header-footer', `--print-to-pdf=${out}`, `file://${file}`], { stdio: 'ignore', timeout: 600_000 });
  const seconds = (performance.now() - t) / 1000;
  return { seconds, pages: Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [out], { encoding: 'utf8' }))![1]) };
}

export const bench: Bench = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bench-batch-'));
  const dataDir = path.join(dir, 'data');
  let t = performance.now();
  const countyId = await seed(dataDir, dir);
  console.log(`  (seeding ${CADRES} cadres: ${((performance.now() - t) / 1000).toFixed(1)} s)`);

  const runner = new JobRunner({ dataDir });
  t = performance.now();
  const { done } = runner.startBatch({ countyId, year: 2024, outDir: path.join(dir, 'out') });
  const s = await done;
  const batchS = (performance.now() - t) / 1000;
  await runner.close();
  const rssMb = process.resourceUsage().maxRSS / 1024; // kB → MB; threads share the process
  const failed = s.results.filter((r) => r.error).length;
  const perPage = batchS / s.pages;
  console.log(`  batch: ${s.results.length} cadres, ${s.pages} pages (${(s.pages / s.results.length).toFixed(0)}/cadre), ${batchS.toFixed(1)} s, peak RSS ${rssMb.toFixed(0)} MB, failed ${failed}, state ${s.state}`);

  // Chromium gets only the typeset part (no originals, no page-number pass) of 10 cadres; compared per cadre
  const sample = 10;
  const c = chromiumRun(dir, sample, 90);
  const onebagPerCadre = batchS / s.results.length;
  const chromePerCadre = c.seconds / sample;
  const ratio = chromePerCadre / onebagPerCadre;
  console.log(`  chromium --print-to-pdf (typeset part of ${sample} dossiers, ${c.pages} pages): ${c.seconds.toFixed(1)} s = ${chromePerCadre.toFixed(2)} s/dossier vs OneBag ${onebagPerCadre.toFixed(2)} s/dossier incl. originals (${(perPage * 1000).toFixed(1)} ms/page) → ${ratio.toFixed(1)}× faster`);
  if (process.env.ONEBAG_KEEP_BENCH) console.log(`  output kept in ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: `county batch ${s.results.length} cadres × ${(s.pages / s.results.length).toFixed(0)} pages`, value: batchS, unit: 's', target: 180, better: 'lower' },
    { name: 'county batch peak RSS (main + worker)', value: rssMb, unit: 'MB', target: 600, better: 'lower' },
    { name: 'speed vs Chromium print-to-PDF (per dossier)', value: ratio, unit: '×', target: 5, better: 'higher' },
  ];
};
