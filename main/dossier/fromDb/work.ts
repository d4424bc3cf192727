/**
 * Work records of the period, typeset after attendance (issue 3 §5):
 * - 工作计划: the three-year plan(s) and annual plan(s) touching the period, one item each, with
 *   the items table (目标 / 措施 / 时间节点 / 责任人 / 状态);
 * - 乡村振兴项目: one item per posted year — the cadre's projects of that year (funding by source,
 *   status, 公示), and the park revenue of that year with its 飞地 split. A posted year without a
 *   project still prints, saying so: evaluators must see the absence;
 * - 季度报告与半年总结: the periods owed with due date and status (main/core/worklog/reports).
 * Weak villages are in weakVillages.ts, the typeset work log in worklog.ts.
 * Everything is read through main/core (same rules as the screens); money is fen, printed as yuan.
 */
import { listPlans, listProjects, listReports } from '../../core/dossierReads/readers';
import { FUND_SOURCES, yuan, type Plan, type Project } from '../../../shared/work';
import type { Block, Item, Section, TableColumn } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../../core/runtime/clock';

/** Calendar years the period covers (one for a year dossier, every year of a term). */
export function yearsOf(ctx: BuildContext): number[] {
  const out: number[] = [];
  for (let y = Number(ctx.from.slice(0, 4)); y <= Number(ctx.to.slice(0, 4)); y++) out.push(y);
  return out;
}

/** The cadre held a posting on at least one day of `year` inside the period. */
export function postedIn(ctx: BuildContext, year: number): boolean {
  const lo = [`${year}-01-01`, ctx.from].sort()[1]!;
  const hi = [`${year}-12-31`, ctx.to].sort()[0]!;
  return ctx.cadre.postings.some((p) => p.start <= hi && (p.end === null || p.end >= lo));
}

export const para = (text: string, align?: 'center' | 'right'): Block => ({ kind: 'paragraph', text, ...(align ? { align } : {}) });
export const dash = (v: string | null | undefined) => (v && v.trim() ? v.trim() : '—');
/** 2025-03-05 → 2025年3月5日 */

/** A typeset item compiled by the app, numbered in the volume. */
export function compiledItem(
  ctx: BuildContext,
  title: string,
  date: string,
  blocks: Block[],
  opts: { author?: string; year?: number; subtitle?: string } = {},
): Item {
  const no = ctx.nextItemNo();
  return {
    kind: 'typeset',
    catalogue: { author: opts.author ?? ctx.issuer, title, date, archiveCode: itemCode(ctx, no, opts.year) },
    stamp: stampFor(ctx, no, opts.year),
    ...(opts.subtitle ? { subtitle: opts.subtitle } : {}),
    blocks,
  };
}

// ───────────────────────────── 工作计划 ─────────────────────────────

const planLabel = (p: Plan) => (p.kind === '三年规划' ? `${p.startYear}—${p.startYear + 2}年三年工作规划` : `${p.startYear}年度工作计划`);
const planTouches = (p: Plan, years: number[]) =>
  p.kind === '三年规划' ? years.some((y) => y >= p.startYear && y <= p.startYear + 2) : years.includes(p.startYear);

export function planSections(ctx: BuildContext): Section[] {
  const years = yearsOf(ctx);
  const plans = listPlans(ctx.db, ctx.cadre.id)
    .filter((p) => planTouches(p, years))
    .sort((a, b) => Number(a.kind === '年度计划') - Number(b.kind === '年度计划') || a.startYear - b.startYear);
  const items = plans.map((p) => planItem(ctx, p));
  return items.length ? [{ title: '工作计划', items }] : [];
}

function planItem(ctx: BuildContext, p: Plan): Item {
  const label = planLabel(p);
  const title = `${ctx.cadre.name}${label}`;
  const blocks: Block[] = [];
  const counts = ['已完成', '推进中', '未开始', '未完成']
    .map((s) => [s, p.items.filter((i) => i.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${s}${n}项`);
  blocks.push(
    para(
      p.items.length
        ? `本${p.kind === '三年规划' ? '规划' : '计划'}共列目标${p.items.length}项，其中${counts.join('、')}（${dateLabel(p.updatedAt.slice(0, 10))}登记的状态）。`
        : `本${p.kind === '三年规划' ? '规划' : '计划'}未逐项登记目标。`,
    ),
  );
  if (p.materialTitle) blocks.push(para(`规划计划文本见档案袋材料《${p.materialTitle}》。`));
  if (p.items.length) {
    blocks.push({
      kind: 'table',
      caption: `${label}目标与措施`,
      columns: [
        { title: '序号', widthMm: 10, align: 'center' },
        { title: '目标', widthMm: 42 },
        { title: '措施', widthMm: 46 },
        { title: '时间节点', widthMm: 21, align: 'center' },
        { title: '责任人', widthMm: 22, align: 'center' },
        { title: '状态', widthMm: 15, align: 'center' },
      ],
      rows: p.items.map((it, i) => [String(i + 1), it.goal, dash(it.measures), it.deadline ?? '—', dash(it.responsible), it.status]),
      fontSize: 10,
    });
  }
  return compiledItem(ctx, title, [`${p.startYear}-01-01`, ctx.to].sort()[0]!, blocks, {
    author: ctx.cadre.name,
    year: Math.max(p.startYear, Number(ctx.from.slice(0, 4))),
    ...(p.title && !p.title.includes(label) ? { subtitle: p.title } : {}),
  });
}

// ───────────────────────────── 乡村振兴项目 ─────────────────────────────

export const NO_PROJECT_TEXT = '本年度无乡村振兴项目';

const bp = (v: number) => `${(v / 100).toFixed(v % 100 === 0 ? 0 : 2)}%`;

function fundsCell(p: Project): string {
  const lines = [...p.funds]
    .sort((a, b) => FUND_SOURCES.indexOf(a.source) - FUND_SOURCES.indexOf(b.source))
    .map((f) => `${f.source}：${yuan(f.amountFen)}`);
  if (lines.length > 1) lines.push(`合计：${yuan(p.investmentFen)}`);
  return lines.length ? lines.join('\n') : '未登记资金';
}

export function projectSections(ctx: BuildContext): Section[] {
  const years = yearsOf(ctx).filter((y) => postedIn(ctx, y));
  if (!years.length) return [];
  const all = listProjects(ctx.db, { cadreId: ctx.cadre.id });
  const items = years.map((y) => projectYearItem(ctx, y, all));
  return [{ title: '乡村振兴项目', items }];
}

function projectYearItem(ctx: BuildContext, year: number, all: Project[]): Item {
  const projects = all.filter((p) => p.year === year).sort((a, b) => a.id - b.id);
  const revenue = all
    .flatMap((p) => p.revenue.filter((r) => r.year === year).map((r) => ({ p, r })))
    .sort((a, b) => a.p.year - b.p.year || a.p.id - b.p.id);
  const title = `${ctx.cadre.name}${year}年度乡村振兴项目`;
  const blocks: Block[] = [];
  if (!projects.length) {
    blocks.push(para(`${NO_PROJECT_TEXT}。`, 'center'));
  } else {
    const total = projects.reduce((s, p) => s + p.investmentFen, 0);
    const unpub = projects.filter((p) => !p.publicisedOn);
    blocks.push(
      para(
        `${year}年度登记乡村振兴项目${projects.length}个，计划或到位投资合计${yuan(total)}元。` +
          (unpub.length ? `尚未在村公示栏公示的项目：${unpub.map((p) => `“${p.name}”`).join('、')}。` : '各项目均已在村公示栏公示。'),
      ),
    );
    blocks.push({
      kind: 'table',
      caption: `${year}年度乡村振兴项目一览`,
      columns: [
        { title: '序号', widthMm: 8, align: 'center' },
        { title: '项目名称', widthMm: 30 },
        { title: '所在村', widthMm: 17, align: 'center' },
        { title: '类别', widthMm: 13, align: 'center' },
        { title: '投资（元）', widthMm: 44 },
        { title: '状态', widthMm: 12, align: 'center' },
        { title: '公示日期与地点', widthMm: 32 },
      ],
      rows: projects.map((p, i) => [
        String(i + 1),
        `${p.name}${p.inPark ? '\n（落户第一书记产业园）' : ''}${p.notes ? `\n备注：${p.notes}` : ''}`,
        `${p.township}\n${p.village}`,
        p.kind,
        fundsCell(p),
        p.status,
        p.publicisedOn ? `${p.publicisedOn}\n${dash(p.publicisedPlace)}` : '未公示',
      ]),
      fontSize: 9,
    });
  }
  if (revenue.length) {
    blocks.push({ kind: 'heading', level: 2, text: `${year}年度第一书记产业园收益分配（“飞地”政策）` });
    const columns: TableColumn[] = [
      { title: '项目名称', widthMm: 42 },
      { title: '立项年度', widthMm: 16, align: 'center' },
      { title: '年度收益（元）', widthMm: 26, align: 'right' },
      { title: '园区分成比例', widthMm: 18, align: 'center' },
      { title: '园区所得（元）', widthMm: 26, align: 'right' },
      { title: '村集体所得（元）', widthMm: 28, align: 'right' },
    ];
    blocks.push({
      kind: 'table',
      columns,
      rows: revenue.map(({ p, r }) => [
        `${p.name}（${p.village}）`,
        String(p.year),
        yuan(r.revenueFen),
        bp(r.parkShareBp),
        yuan(r.parkFen),
        yuan(r.villageFen),
      ]),
      fontSize: 9.5,
    });
  }
  const yearEnd = [`${year}-12-31`, ctx.to].sort()[0]!;
  return compiledItem(ctx, title, yearEnd, blocks, { year });
}

// ───────────────────────────── 季度报告与半年总结 ─────────────────────────────

export function reportSections(ctx: BuildContext): Section[] {
  const rows = yearsOf(ctx)
    .flatMap((y) => listReports(ctx.db, ctx.cadre.id, y))
    .filter((r) => r.periodEnd >= ctx.from && r.periodEnd.slice(0, 4) <= ctx.to.slice(0, 4));
  if (!rows.length) return [];
  const status = (r: (typeof rows)[number]) =>
    r.status === '已提交'
      ? r.lateDays > 0
        ? `已提交（逾期${r.lateDays}天）`
        : '按期提交'
      : r.status === '逾期'
        ? `逾期未交（${r.lateDays}天）`
        : '待提交';
  // A report filed in the bag counts as submitted (linked when filed; see main/core/worklog/reportLinks.ts).
  const submitted = rows.filter((r) => r.status === '已提交').length;
  const toConfirm = rows.filter((r) => r.status === '已提交' && r.linkToConfirm).length;
  const overdue = rows.filter((r) => r.status === '逾期');
  const late = (r: (typeof rows)[number]) => `${r.periodLabel}${r.kind === '季度报告' ? '报告' : '总结'}`;
  // status is judged on the clerk's today (listReports): the summary says so
  const summary =
    `期内应报送季度报告和半年总结${rows.length}次，已提交${submitted}次` +
    (toConfirm ? `（其中${toConfirm}次为报告归档时自动关联，待确认）` : '') +
    (overdue.length === 0 ? '' : overdue.length <= 3 ? `，逾期未交：${overdue.map(late).join('、')}` : `，逾期未交${overdue.length}次`) +
    `（状态截至${dateLabel(localToday())}）。报告原件见档案袋“工作汇报”“工作总结”类材料。`;
  const item = compiledItem(ctx, `${ctx.cadre.name}季度报告与半年总结报送情况`, ctx.to, [
    para(summary),
    {
      kind: 'table',
      columns: [
        { title: '期次', widthMm: 30 },
        { title: '类别', widthMm: 18, align: 'center' },
        { title: '报送期限', widthMm: 23, align: 'center' },
        { title: '提交日期', widthMm: 23, align: 'center' },
        { title: '状态', widthMm: 33, align: 'center' },
        { title: '归档材料', widthMm: 29 },
      ],
      rows: rows.map((r) => [
        r.periodLabel,
        r.kind,
        r.dueDate,
        r.submittedOn ?? '—',
        status(r),
        r.materialTitle ? `《${r.materialTitle}》${r.linkToConfirm ? '\n（归档时自动关联，待确认）' : ''}` : '—',
      ]),
      fontSize: 10,
    },
  ]);
  return [{ title: '季度报告与半年总结', items: [item] }];
}
