/**
 * The bundle's static pages from the demo county on a real SQLite file: every link resolves to
 * a generated page, a dossier or an original the caller placed; nothing refers outside the
 * bundle; every value is escaped; ID numbers are masked; the year's bag, attendance and the
 * scope (the county's cadres posted during the year) are what the app holds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMonthGrid, setCells } from '../../main/core/attendance/grid';
import { revokeCertification } from '../../main/core/attendance/certify';
import { openCore } from '../../main/api/open';
import { computeResults } from '../../main/core/evaluation/results';
import { createCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship } from '../../main/core/org/org';
import { DEMO_SEED } from '../../main/demo/demo';
import { demoCadres as cadresOf, demoCalendar } from '../../main/demo/demoData';
import { buildIndexPages, type IndexPage, type IndexPagesOptions } from '../../main/exchange/indexHtml';
import { openDatabase, type Db } from '../../main/store/db';
import { idCheckChar, maskIdNumber } from '../../shared/idNumber';
import { buildEvalFixture, scoreAll, YEAR } from './evaluationFixture';
import { copyLoadedDemo } from '../fixtures/demoFolder';
import { TEST_TODAY } from '../fixtures/testToday';
import { ownCountyIds } from '../../main/core/lookup';
import { cadreInput } from '../fixtures/cadreInput';

const demoCadres = () => cadresOf(DEMO_SEED, demoCalendar(TEST_TODAY));

const SHORT = 3;
const EVIL = `<script>alert("x")</script> & '李'`;
let dir: string;
let db: Db;
let pages: IndexPage[];
let opts: IndexPagesOptions;
let countyId: number;
let shortCadre: { id: number; t: number };
const dossiers = new Set<string>();
const originals = new Set<string>();

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const hrefs = (html: string) => [...html.matchAll(/\bhref="([^"]*)"/g)].map((m) => unescape(m[1]!));
const page = (p: string) => pages.find((x) => x.path === p)!;
const pageOf = (name: string) => pages.find((p) => p.path.startsWith('cadres/') && p.html.includes(`<title>${name} · `))!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bundle-index-'));
  await copyLoadedDemo(dir); // the demo county, prepared once per run
  db = openDatabase(dir);
  countyId = ownCountyIds(db)[0]!;
  // A hostile name and title: they must come out as text.
  const first = db.prepare('SELECT id FROM cadres ORDER BY id LIMIT 1').pluck().get() as number;
  db.prepare('UPDATE cadres SET name = ? WHERE id = ?').run(EVIL, first);
  db.prepare(
    `UPDATE materials SET title = '<img src=x onerror=alert(1)> "会议"' WHERE id = (SELECT MIN(id) FROM materials WHERE year = 2024)`,
  ).run();
  // 12 days absent in May 2024 (weekdays and weekends alike): one short month, its certification
  // revoked first (the demo certified it), so it is 未认定 again.
  const short = db
    .prepare('SELECT c.id, p.township_id AS t FROM cadres c JOIN postings p ON p.cadre_id = c.id WHERE c.id_number = ?')
    .get(demoCadres()[SHORT]!.idNumber) as { id: number; t: number };
  shortCadre = short;
  revokeCertification(db, { townshipId: short.t, month: '2024-05', reason: '测试：更正考勤登记' });
  setCells(db, {
    townshipId: short.t,
    month: '2024-05',
    edits: Array.from({ length: 12 }, (_, i) => ({
      cadreId: short.id,
      date: `2024-05-${String(i + 1).padStart(2, '0')}`,
      code: '缺勤' as const,
    })),
  });
  // Another county's cadre is outside the scope.
  const other = addCounty(db, { name: '北镇市', kind: '市' }).id;
  const t = addTownship(db, { countyId: other, name: '广宁乡' }).id;
  const idn = '21078119800101001' + idCheckChar('21078119800101001');
  createCadre(db, cadreInput({ name: '外县干部', birthDate: '1980-01-01', idNumber: idn, phone: null }), {
    townshipId: t,
    villageId: null,
    start: '2024-01-01',
    end: null,
  });

  opts = {
    countyId,
    year: 2024,
    producer: { departmentName: '中共义县县委组织部 <测试>', fingerprint: 'A1B2-C3D4-E5F6-0718', createdAt: '2025-01-10T02:30:00.000Z' },
    // Every other cadre has a printed dossier; names go into the path as the exporter does.
    dossierPath: (cadreId) => {
      if (cadreId % 2 === 0) return null;
      const name = db.prepare('SELECT name FROM cadres WHERE id = ?').pluck().get(cadreId) as string;
      const p = `dossiers/${name}-${cadreId} #1.pdf`;
      dossiers.add(p);
      return p;
    },
    originalPath: (sha, mime) => {
      const p = `originals/${sha.slice(0, 2)}/${sha}.${mime.split('/')[1]}`;
      originals.add(p);
      return p;
    },
  };
  pages = buildIndexPages(db, opts);
}, 600_000);

afterAll(() => {
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('buildIndexPages', () => {
  it('makes index.html and one page per cadre posted in the county during the year', () => {
    const inScope = db
      .prepare(
        `SELECT COUNT(DISTINCT p.cadre_id) FROM postings p JOIN townships t ON t.id = p.township_id
          WHERE t.county_id = ? AND p.start <= '2024-12-31' AND (p."end" IS NULL OR p."end" >= '2024-01-01')`,
      )
      .pluck()
      .get(countyId) as number;
    expect(inScope).toBe(20);
    expect(pages.map((p) => p.path)).toEqual(['index.html', ...Array.from({ length: inScope }, (_, i) => `cadres/${i + 1}.html`)]);
    const index = page('index.html').html;
    const county = db.prepare('SELECT name FROM counties WHERE id = ?').pluck().get(countyId) as string;
    expect(index).toContain(`<h1>${county} 2024年度选派干部一袋式实绩档案</h1>`);
    expect(index).toContain('A1B2-C3D4-E5F6-0718');
    expect(index).toContain('onebag verify');
    expect(index).toContain('中共义县县委组织部 &lt;测试&gt;');
    expect(index).not.toContain('外县干部');
    // The cadre table says which required categories are still empty, never how many items each filed.
    expect(index).toContain('<th>资料完整性（本年）</th>');
    expect(index).not.toContain('本年材料');
    expect(index).toMatch(/七类材料齐全|缺：/);
    for (const c of demoCadres().slice(1)) expect(index).toContain(`>${c.name}</a>`);
  });

  it('links only to generated pages, the dossiers and the originals the caller placed', () => {
    const generated = new Set(pages.map((p) => p.path));
    let toOriginals = 0;
    for (const p of pages) {
      for (const h of hrefs(p.html)) {
        expect(h, p.path).not.toMatch(/^[a-z]+:|^\/|\\/i);
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(p.path), decodeURIComponent(h)));
        expect(generated.has(target) || dossiers.has(target) || originals.has(target), `${p.path} → ${h}`).toBe(true);
        if (originals.has(target)) toOriginals++;
      }
    }
    // Every file of every material of the year is linked once.
    const files = db
      .prepare(`SELECT COUNT(*) FROM material_files f JOIN materials m ON m.id = f.material_id WHERE m.year = 2024`)
      .pluck()
      .get() as number;
    expect(files).toBeGreaterThan(20);
    expect(toOriginals).toBe(files);
    expect(dossiers.size).toBe(10);
    expect(page('index.html').html.match(/>档案PDF<\/a>/g)).toHaveLength(10);
  });

  it('refers to nothing outside the bundle and is valid UTF-8 with a charset', () => {
    for (const p of pages) {
      expect(p.html).not.toMatch(/https?:|\/\/|url\(|@import/i);
      expect(p.html).not.toMatch(/<(script|link|img|iframe|object|embed|base)\b|<[^>]+\ssrc=/i);
      expect(p.html).toContain('<meta charset="utf-8">');
      expect(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(p.html, 'utf8'))).toBe(p.html);
    }
  });

  it("with the bundle's own font, loads exactly that file, relative to each page, and the CSP allows only it", () => {
    const withFont = buildIndexPages(db, { ...opts, fontPath: 'assets/NotoSansSC-Regular.ttf' });
    for (const p of withFont) {
      const depth = p.path.split('/').length - 1;
      expect(p.html.match(/url\([^)]*\)/g)).toEqual([`url("${'../'.repeat(depth)}assets/NotoSansSC-Regular.ttf")`]);
      expect(p.html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; font-src 'self'"`);
      expect(p.html).toMatch(/SimSun,"OneBag Sans",sans-serif/);
      expect(p.html).not.toMatch(/https?:|\/\/|@import/i);
    }
    expect(pages.every((p) => !p.html.includes('font-src'))).toBe(true);
  });

  it('escapes names and titles, and masks ID numbers as the app does', () => {
    const evil = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;李&#39;';
    expect(page('index.html').html).toContain(`>${evil}</a>`);
    const p = pageOf(evil);
    expect(p.html).toContain(`<h1>${evil} `);
    const all = pages.map((x) => x.html).join('\n');
    expect(all).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;会议&quot;');
    for (const c of demoCadres().slice(1)) {
      const cp = pageOf(c.name);
      expect(cp.html).toContain(maskIdNumber(c.idNumber));
      expect(all).not.toContain(c.idNumber);
    }
  });

  it("shows the year's attendance (the short month) and the bag by category", () => {
    const short = demoCadres()[SHORT]!;
    const p = pageOf(short.name).html;
    // Rest days count only when marked (county default), so a 缺勤 on a rest day is no absence; the
    // row shows the grid's counts; the revoked month is 未认定, not 未达标, and stays out of the totals.
    const n = getMonthGrid(db, shortCadre.t, '2024-05', TEST_TODAY).rows.find((r) => r.cadreId === shortCadre.id)!.counts;
    expect(n.absent).toBeGreaterThanOrEqual(6);
    expect(n.onPost + n.leave + n.absent + n.rest).toBe(31);
    const cells = [n.required, n.onPost, n.leave, n.absent, n.rest].map((x) => `<td class="num">${x}</td>`).join('');
    expect(p).toContain(`<td>5月</td>${cells}<td><span class="muted">未认定</span>`);
    // June is certified by the township: 达标, with the secretary and the date.
    expect(p).toMatch(/<td>6月<\/td>(<td[^>]*>[^<]*<\/td>){5}<td>达标<\/td><td>[^<]+<\/td>/);
    expect(p).toContain('合计（已认定月份）');
    expect(p).toMatch(/另有\d+个月未认定，未计入/);
    expect(p).toContain('3月');
    expect(p).not.toContain('<td>2月</td>');
    expect(p).toMatch(/<h3>[^<]+（\d+份）<\/h3>/);
    expect(p).toContain('2024年度考核结果尚未定档');
  });
});

describe('the finalised evaluation on the cadre page', () => {
  it('shows the grade, total and rank once the year is finalised, with caps and their reasons', () => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-bundle-index-eval-'));
    const core = openCore({ dataDir: d, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
    try {
      const ids = buildEvalFixture(core);
      const opts: IndexPagesOptions = {
        countyId: ids.county,
        year: YEAR,
        producer: { departmentName: '组织部', fingerprint: 'AAAA-BBBB', createdAt: '2025-01-10T02:30:00.000Z' },
        dossierPath: () => null,
        originalPath: (sha) => `originals/${sha}`,
      };
      const find = (ps: IndexPage[], name: string) => ps.find((p) => p.html.includes(`<title>${name} · `))!.html;
      expect(find(buildIndexPages(core.ctx.db, opts), '张伟')).toContain(`${YEAR}年度考核结果尚未定档`);
      scoreAll(core, ids, { finalise: true });
      const pages = buildIndexPages(core.ctx.db, opts);
      const results = computeResults(core.ctx.db, { countyId: ids.county, year: YEAR }).rows;
      for (const name of ['张伟', '李娜']) {
        const r = results.find((x) => x.name === name)!;
        const html = find(pages, name);
        expect(html).toContain(`<tr><td>考核等次</td><td><b>${r.grade}</b></td></tr>`);
        expect(html).toContain(`<tr><td>总分</td><td>${r.total}</td></tr>`);
        expect(html).toContain(`<td>${r.rank}（`);
        for (const cap of r.caps) expect(html).toContain(cap.reason);
      }
      // 李娜 was found absent at a county check: her page says why she is not 优秀.
      expect(results.find((x) => x.name === '李娜')!.caps.length).toBeGreaterThan(0);
      expect(find(pages, '张伟')).not.toContain('尚未定档');
      const zhang = results.find((x) => x.name === '张伟')!;
      expect(pages[0]!.html).toMatch(new RegExp(`>张伟</a></td>(<td[^>]*>[^<]*</td>){4}<td>${zhang.grade}</td>`));
    } finally {
      core.close();
      fs.rmSync(d, { recursive: true, force: true });
    }
  });
});
