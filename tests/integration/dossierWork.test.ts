/**
 * The dossier's work records read back with poppler and qpdf: plans, projects (publicity, park
 * revenue split), a weak village's milestones with a missed one and its recorded action, the
 * typeset work log in the 年度工作日志 category, and the reports table — all entered through
 * the core functions on the demo county. Set DOSSIER_WORK_KEEP=1 to keep the PDFs for a look.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { getCadre } from '../../main/core/cadres/cadres';
import { saveProject, publiciseProject, setParkRevenue } from '../../main/core/work/projects';
import { savePlan } from '../../main/core/work/plans';
import { recordAction, saveWeakVillage, setMilestone, setSupporters, setVillageIncome } from '../../main/core/work/weak';
import { saveEntries } from '../../main/core/worklog/entries';
import type { GeneratedDossier } from '../../main/dossier/fromDb/generate';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';
import { printDossier } from '../fixtures/printDossier';

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const squash = (s: string) => s.replace(/\s+/g, '');
const pageText = (f: string, p: number) => squash(run('pdftotext', ['-f', String(p), '-l', String(p), f, '-']));
const pageCount = (f: string) => Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [f]))![1]);

const keep = !!process.env.DOSSIER_WORK_KEEP;
let dir: string;
let core: OpenCore;
let cadreId: number;
let otherId: number;
let out: string;
let g: GeneratedDossier;

const LOG_WEEK = ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07', '2025-06-08'];
const PERSONS = ['脱贫户李桂兰', '村民王德福', '村两委班子', '合作社理事长孙立强', '低保户赵秀芳', '种植大户周海', '返乡青年刘洋'];

beforeAll(async () => {
  ({ dir, core } = await openDemoCopy('dossierwork')); // the demo county, prepared once per run
  const { db } = core.ctx;
  const ids = (db.prepare(`SELECT id FROM cadres WHERE post_type = '村党组织第一书记' ORDER BY id`).all() as Array<{ id: number }>).map(
    (r) => r.id,
  );
  // a first secretary posted in one village the whole time (since 2024-03-01), and another one;
  // not in one of the demo's weak villages (this file writes its own weak-village story)
  const weak = new Set(db.prepare('SELECT village_id FROM weak_villages').pluck().all() as number[]);
  const single = ids.filter((id) => {
    const c = getCadre(db, id);
    return c.postings.length === 1 && c.postings[0]!.villageId !== null && !weak.has(c.postings[0]!.villageId);
  });
  cadreId = single[0]!;
  otherId = single[1]!;
  // The demo gave every cadre a year of work: the other cadre's is emptied to print the empty case.
  db.pragma('foreign_keys = OFF');
  db.prepare('DELETE FROM project_funds WHERE project_id IN (SELECT id FROM projects WHERE cadre_id = ?)').run(otherId);
  db.prepare('DELETE FROM projects WHERE cadre_id = ?').run(otherId);
  db.prepare('DELETE FROM plan_items WHERE plan_id IN (SELECT id FROM plans WHERE cadre_id = ?)').run(otherId);
  db.prepare('DELETE FROM plans WHERE cadre_id = ?').run(otherId);
  db.prepare('DELETE FROM worklog_files WHERE entry_id IN (SELECT id FROM worklog_entries WHERE cadre_id = ?)').run(otherId);
  db.prepare('DELETE FROM worklog_entries WHERE cadre_id = ?').run(otherId);
  db.prepare('DELETE FROM weak_supporters WHERE cadre_id = ?').run(otherId);
  db.pragma('foreign_keys = ON');
  const cadre = getCadre(db, cadreId);
  const posting = cadre.postings[0]!;
  const villageId = posting.villageId!;

  // the demo planned every year for every cadre: this cadre's plans are the ones below
  db.prepare('DELETE FROM plan_items WHERE plan_id IN (SELECT id FROM plans WHERE cadre_id = ?)').run(cadreId);
  db.prepare('DELETE FROM plans WHERE cadre_id = ?').run(cadreId);
  savePlan(db, {
    cadreId,
    kind: '三年规划',
    startYear: 2024,
    title: '强基富民三年行动规划',
    materialId: null,
    items: [
      {
        goal: '村集体经济收入达到10万元',
        measures: '发展食用菌大棚，盘活闲置校舍',
        deadline: '2026-12-31',
        responsible: cadre.name,
        status: '推进中',
      },
      {
        goal: '建成党群服务中心',
        measures: '争取派出单位资金，改造旧村部',
        deadline: '2025-10-31',
        responsible: '村党支部',
        status: '已完成',
      },
    ],
  });
  savePlan(db, {
    cadreId,
    kind: '年度计划',
    startYear: 2025,
    title: '2025年度工作计划',
    materialId: null,
    items: [
      {
        goal: '完成村内主路硬化2公里',
        measures: '申报衔接资金项目，群众投工投劳',
        deadline: '2025-09-30',
        responsible: cadre.name,
        status: '已完成',
      },
      { goal: '培育致富带头人5名', measures: '组织外出考察、技能培训', deadline: '2025-12-15', responsible: '村委会', status: '未完成' },
    ],
  });

  const road = saveProject(db, undefined, {
    cadreId,
    villageId,
    name: '村内主路硬化工程',
    kind: '基础设施',
    year: 2025,
    status: '已建成',
    funds: [
      { source: '财政衔接资金', amountFen: 45_000_000 },
      { source: '派出单位资金', amountFen: 8_000_050 },
    ],
    inPark: false,
    notes: null,
  });
  publiciseProject(db, road.id, '2025-04-18', '村委会公示栏');
  const park = saveProject(db, undefined, {
    cadreId,
    villageId,
    name: '第一书记产业园香菇大棚',
    kind: '产业发展',
    year: 2025,
    status: '已运营',
    funds: [{ source: '派出单位资金', amountFen: 30_000_000 }],
    inPark: true,
    notes: null,
  });
  setParkRevenue(db, park.id, 2025, 12_345_67, 5000);

  saveWeakVillage(db, { villageId, listedYear: 2023, notes: null });
  setVillageIncome(db, villageId, 2023, 1_800_000);
  setVillageIncome(db, villageId, 2024, 2_650_000);
  setVillageIncome(db, villageId, 2025, 4_120_050);
  setSupporters(db, villageId, [cadreId]);
  setMilestone(db, { villageId, kind: '发展思路', date: '2024-10-15', description: '确定“香菇+光伏”集体经济发展思路' }, []);
  // 增收渠道 was due 2026-02-28 and is not reached: the first miss requires 约谈
  recordAction(db, {
    villageId,
    cadreId,
    milestone: '增收渠道',
    action: '约谈',
    date: '2026-03-10',
    by: '县委组织部',
    notes: '约谈提醒，责令三个月内拿出增收方案',
  });

  await saveEntries(
    db,
    null,
    cadreId,
    LOG_WEEK.map((date, i) => ({
      date,
      kind: ['走访', '帮扶', '会议', '项目', '走访', '帮扶', '其他'][i]!,
      place: `${posting.villageName}第${i + 1}组`,
      persons: PERSONS[i]!,
      situation: `日志${date}：了解生产生活情况，宣讲惠民政策。`,
      difficulties: i % 2 ? '缺少启动资金' : '',
      followUp: '下周回访，协调落实',
    })),
  );

  out = path.join(dir, 'work-2025.pdf');
  g = await printDossier(core, cadreId, 2025, out);
});

afterAll(() => {
  if (!keep) return removeDemoCopy(core, dir);
  core?.close();
  console.log(`dossier PDFs kept in ${dir}`);
});

/** The catalogue's rows (pdftotext -layout): a row starts with its 序号; its 页号 is the last number on that line. */
function catalogueRows(file: string, catalogueLast: number): Map<number, { page: number; text: string }> {
  const text = run('pdftotext', ['-layout', '-f', '2', '-l', String(catalogueLast), file, '-']);
  const rows = new Map<number, { page: number; text: string }>();
  let cur: { page: number; text: string } | null = null;
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+\S/.exec(line);
    if (m) {
      const page = /\s(\d+)(?:-\d+)?\s*$/.exec(line)!;
      cur = { page: Number(page[1]), text: squash(line) };
      rows.set(Number(m[1]), cur);
    } else if (cur && line.trim()) cur.text += squash(line);
  }
  return rows;
}

/** Cells wrap line by line, so a title shows in its row as a subsequence of the row's text. */
function hasInOrder(hay: string, needle: string): boolean {
  let i = 0;
  for (const ch of hay) if (ch === needle[i]) i++;
  return i === needle.length;
}

describe('dossier work records', () => {
  const NEW_TITLES = [
    '2025年度工作日志',
    '2024—2026年三年工作规划',
    '2025年度工作计划',
    '2025年度乡村振兴项目',
    '包扶集体经济薄弱村',
    '季度报告与半年总结报送情况',
  ];

  it('lists the new items in the catalogue at the pages that carry their titles', () => {
    const pages = pageCount(out);
    expect(pages).toBe(g.pages);
    const first = g.items[0]!.startPage;
    expect(pages).toBe(first - 1 + g.items.reduce((a, i) => a + i.pageCount, 0) + 1);
    expect(g.warnings).toEqual([]);
    const rows = catalogueRows(out, first - 1);
    expect(rows.size).toBe(g.items.length);
    for (const t of NEW_TITLES) {
      const it = g.items.find((i) => i.title.includes(t));
      expect(it, t).toBeTruthy();
      expect(it!.kind).toBe('typeset');
      const row = rows.get(g.items.indexOf(it!) + 1)!;
      expect(hasInOrder(row.text, squash(it!.title)), `catalogue row of ${it!.title}: ${row.text}`).toBe(true);
      expect(row.page, `catalogue page of ${it!.title}`).toBe(it!.pageNo);
      expect(pageText(out, it!.startPage)).toContain(squash(it!.title));
    }
    // print order: bag (log inside 年度工作日志) → attendance → plans → projects → weak village → reports
    const at = (t: string) => g.items.findIndex((i) => i.title.includes(t));
    expect(at('2025年度工作日志')).toBeLessThan(at('考勤情况'));
    expect(at('考勤情况')).toBeLessThan(at('三年工作规划'));
    expect(at('三年工作规划')).toBeLessThan(at('2025年度工作计划'));
    expect(at('2025年度工作计划')).toBeLessThan(at('乡村振兴项目'));
    expect(at('乡村振兴项目')).toBeLessThan(at('包扶集体经济薄弱村'));
    expect(at('包扶集体经济薄弱村')).toBeLessThan(at('季度报告'));
    // the log item follows the log scans filed in the same category
    const logScans = g.items.filter((i) => i.kind === 'image' && /日志/.test(i.title));
    for (const s of logScans) expect(g.items.indexOf(s)).toBeLessThan(at('2025年度工作日志'));
    // every item page numbered from 1 (cover, 卷内目录 and 备考表 unnumbered), and the file is sound
    for (let n = 1; n <= g.numberedPages; n++) expect(pageText(out, first - 1 + n)).toContain(`—${n}—`);
    expect(run('qpdf', ['--check', out])).toContain('No syntax or stream encoding errors');
  });

  it('prints plans, projects with yuan amounts and publicity, the park split and the weak village', () => {
    const text = (title: string) => {
      const it = g.items.find((i) => i.title.includes(title))!;
      return Array.from({ length: it.pageCount }, (_, k) => pageText(out, it.startPage + k)).join('');
    };
    const plans = text('三年工作规划') + text('2025年度工作计划');
    for (const s of ['村集体经济收入达到10万', '建成党群服务中心', '完成村内主路硬化2公里', '2025-09-30', '未完成', '强基富民三年行动规划'])
      expect(plans).toContain(s);

    const projects = text('2025年度乡村振兴项目');
    for (const s of [
      '村内主路硬化工程',
      '第一书记产业园香菇大棚',
      '财政衔接资金：450,000.00',
      '派出单位资金：80,000.50',
      '合计：530,000.50',
      '300,000.00',
      '2025-04-18',
      '村委会公示栏',
      '未公示',
      '12,345.67', // park revenue
      '6,172.84', // park half (rounded)
      '6,172.83', // village half
    ])
      expect(projects, s).toContain(s);

    const weak = text('包扶集体经济薄弱村');
    for (const s of [
      '41,200.50',
      '2024-10-15',
      '2025-02-28',
      '2026-02-28',
      '按期完成',
      '已逾期',
      '约谈提醒，责令三个月内拿出增收方案',
      '2026-03-10',
      '县委组织部',
      '逾期节点均已按规定处理并记录在案',
    ])
      expect(weak, s).toContain(s);

    const log = text('2025年度工作日志');
    for (const d of LOG_WEEK) expect(log).toContain(`日志${d}`);
    for (const p of PERSONS) expect(log).toContain(p.slice(0, 6));
    expect(log).toContain('缺少启动资金');
    expect(log).toContain('下周回访，协调落实');

    const reports = text('季度报告与半年总结');
    expect(reports).toContain('2025年第一季度');
    expect(reports).toContain('2025年下半年');
  });

  it('sets the new items on A4 portrait pages, tables within the text block', () => {
    const fresh = g.items.filter((i) => NEW_TITLES.some((t) => i.title.includes(t)));
    for (const it of fresh)
      for (let p = it.startPage; p < it.startPage + it.pageCount; p++) {
        const info = run('pdfinfo', ['-f', String(p), '-l', String(p), out]);
        expect(info, `page ${p}`).toMatch(/size:\s+595.28 x 841.89/);
        expect(info, `page ${p}`).toMatch(/rot:\s+0/);
      }
    // the first page of each carries its table (no title page left alone)
    for (const [t, head] of [
      ['2025年度工作日志', '走访对象'],
      ['三年工作规划', '时间节点'],
      ['2025年度乡村振兴项目', '公示日期与地点'],
      ['包扶集体经济薄弱村', '村集体经济收入'],
    ] as const) {
      const it = fresh.find((i) => i.title.includes(t))!;
      expect(pageText(out, it.startPage), t).toContain(head);
    }
    if (keep) {
      const pngDir = path.join(dir, 'png');
      fs.mkdirSync(pngDir, { recursive: true });
      run('pdftoppm', ['-r', '50', '-png', out, path.join(pngDir, 'p')]);
    }
  });

  it('says 本年度无乡村振兴项目 for a cadre without projects, and prints no empty work sections', async () => {
    const file = path.join(dir, 'none-2025.pdf');
    const o = await printDossier(core, otherId, 2025, file);
    const it = o.items.find((i) => i.title.includes('2025年度乡村振兴项目'))!;
    expect(it).toBeTruthy();
    expect(pageText(file, it.startPage)).toContain('本年度无乡村振兴项目');
    // no plans, weak villages or typeset log for this cadre: nothing printed for them
    expect(o.items.some((i) => /工作规划|工作计划|包扶集体经济薄弱村|年度工作日志$/.test(i.title))).toBe(false);
    expect(pageCount(file)).toBe(o.pages);
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });

  it('prints every year of the term', async () => {
    const file = path.join(dir, 'term.pdf');
    const o = await printDossier(core, cadreId, 'term', file);
    const titles = o.items.map((i) => i.title);
    expect(titles.some((t) => t.includes('2024年度乡村振兴项目'))).toBe(true);
    expect(titles.some((t) => t.includes('2025年度乡村振兴项目'))).toBe(true);
    expect(titles.some((t) => t.includes('2026年度乡村振兴项目'))).toBe(true);
    expect(titles.some((t) => t.includes('2025年度工作日志'))).toBe(true);
    expect(pageCount(file)).toBe(o.pages);
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors');
  });
});
