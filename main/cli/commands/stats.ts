import {
  FIGURE_KEYS,
  FIGURE_META,
  figureText,
  type CityStatsResult,
  type FigureKey,
  type Figures,
  type StatsResult,
} from '../../../shared/stats';
import { computeCityStats, computeStats } from '../../core/stats';
import { leadersYear } from '../../core/leaders/leaderYear';
import { LEADER_TABLE_HEADERS, leaderRowCells, leaderTableRows, type LeadersYearView } from '../../../shared/leaders';
import { UsageError, withCore, type CommandContext, type CommandTable } from '../util';
import { boolFlag, parseFlagsOnly, textFlag, yearOption } from '../flags';
import { printJson, printTable } from '../print';
import { writeTablesXlsx } from '../xlsxOut';
import { countyByName } from '../../core/lookup';
import { localToday } from '../../core/runtime/clock';

/** One figure in `onebag stats --json`: value (projectFunds in fen), the denominator of shares, and how it reads. */
export interface FigureJson {
  value: number | null;
  of?: number | null;
  /** Records not yet certified (未认定), in neither value nor of. */
  pending?: number;
  display: string;
}

/** Stable JSON shape of `onebag stats --json` (English camelCase keys; figure keys of shared/stats.ts). */
export interface StatsJson {
  year: number;
  county: string;
  asOf: string;
  total: Record<FigureKey, FigureJson>;
  townships: Array<{ township: string; county: string; figures: Record<FigureKey, FigureJson> }>;
  notes: Partial<Record<FigureKey, string>>;
  charts: StatsResult['charts'];
}

/** Stable JSON shape of `onebag stats --city --json`: one row per county and the city total (their sum). */
export interface CityStatsJson {
  year: number;
  scope: 'city';
  asOf: string;
  total: Record<FigureKey, FigureJson>;
  counties: Array<{ county: string; origin: string | null; figures: Record<FigureKey, FigureJson> }>;
  notes: Partial<Record<FigureKey, string>>;
  charts: StatsResult['charts'];
  /** 市委组织部领导包县督查: each leader, the counties contracted that year and the checks made there. */
  leaders: LeadersYearView;
}

function figuresJson(f: Figures): Record<FigureKey, FigureJson> {
  const out = {} as Record<FigureKey, FigureJson>;
  for (const k of FIGURE_KEYS) {
    const v = f[k];
    out[k] = {
      value: v.value,
      ...(FIGURE_META[k].share ? { of: v.of ?? null } : {}),
      ...(v.pending ? { pending: v.pending } : {}),
      display: figureText(k, v),
    };
  }
  return out;
}

const percentOrPlain = (k: FigureKey, v: Figures[FigureKey]) => figureText(k, { ...v, pending: undefined });

/** 96.3%（231/240） for shares (with 未认定 N when some records are not certified), the plain figure otherwise. */
function cell(k: FigureKey, f: Figures): string {
  const v = f[k];
  const text = percentOrPlain(k, v);
  const pending = v.pending ? `，未认定${v.pending}` : '';
  return FIGURE_META[k].share && v.value !== null && (v.of || v.pending)
    ? `${text}（${v.value}/${v.of ?? 0}${pending}）`
    : figureText(k, v);
}

/** The city view: a row per county (imported ones marked) and 全市合计. */
function printCity(c: CommandContext, s: CityStatsResult, leaders: LeadersYearView, json: boolean | undefined): number {
  if (json) {
    const out: CityStatsJson = {
      year: s.year,
      scope: 'city',
      asOf: s.asOf,
      total: figuresJson(s.county),
      counties: s.counties.map((r) => ({ county: r.county, origin: r.origin, figures: figuresJson(r.figures) })),
      notes: s.notes,
      charts: s.charts,
      leaders,
    };
    return printJson(c, out);
  }
  c.out(`全市 ${s.year}年度统计（截至${s.asOf}，${s.counties.length}个县（市、区））`);
  c.out('');
  if (s.counties.length === 0) {
    c.out('尚无县（市、区）');
    return 0;
  }
  const head = ['县（市、区）', ...FIGURE_KEYS.map((k) => FIGURE_META[k].label)];
  const rows = s.counties.map((r) => [
    r.origin ? `${r.county}（导入 · ${r.origin}）` : r.county,
    ...FIGURE_KEYS.map((k) => cell(k, r.figures)),
  ]);
  rows.push(['全市合计', ...FIGURE_KEYS.map((k) => cell(k, s.county))]);
  printTable(c, head, rows);
  c.out('');
  c.out('全市合计为各县（市、区）之和；比率按分子、分母分别相加后计算。');
  for (const k of FIGURE_KEYS) if (s.notes[k]) c.out(`${FIGURE_META[k].label}：${s.notes[k]}`);
  c.out('');
  c.out('市委组织部领导包县督查（按督查记录列出，不作排名）');
  const leaderRows = leaderTableRows(leaders).map(leaderRowCells);
  if (leaderRows.length === 0) c.out('本年度未录入包县领导');
  else printTable(c, [...LEADER_TABLE_HEADERS], leaderRows);
  if (leaders.unlinked.length > 0) c.out(`另有${leaders.unlinked.length}次市级督查未注明领导`);
  return 0;
}

/** `onebag stats [--year Y] [--county 名称 | --city] [--json]` */
async function statsCommand(c: CommandContext): Promise<number> {
  const values = parseFlagsOnly('stats', c.args, { year: textFlag, county: textFlag, city: boolFlag, json: boolFlag, xlsx: textFlag });
  if (values.city && values.county !== undefined) throw new UsageError('--city 与 --county 不能同时使用');
  const year = yearOption(values.year ?? localToday().slice(0, 4));
  return withCore(c.dataDir, async (core) => {
    const { db } = core.ctx;
    if (values.city && values.xlsx) {
      const city = computeCityStats(db, { year });
      const head = ['县（市、区）', ...FIGURE_KEYS.map((k) => FIGURE_META[k].label)];
      const rows = city.counties.map((r) => [
        r.origin ? `${r.county}（导入 · ${r.origin}）` : r.county,
        ...FIGURE_KEYS.map((k) => cell(k, r.figures)),
      ]);
      rows.push(['全市合计', ...FIGURE_KEYS.map((k) => cell(k, city.county))]);
      const leaderSheet = {
        sheetName: `${year}年度包县督查`,
        headers: [...LEADER_TABLE_HEADERS],
        rows: leaderTableRows(leadersYear(db, year)).map(leaderRowCells),
      };
      c.out(
        `已导出 ${rows.length} 行到 ${await writeTablesXlsx(values.xlsx, [{ sheetName: `全市${year}年度统计`, headers: head, rows }, leaderSheet])}`,
      );
      return 0;
    }
    if (values.city) return printCity(c, computeCityStats(db, { year }), leadersYear(db, year), values.json);
    const countyId = values.county === undefined ? undefined : countyByName(db, values.county).id;
    const s = computeStats(db, countyId === undefined ? { year } : { year, countyId });
    if (values.json) {
      const out: StatsJson = {
        year: s.year,
        county: s.countyName,
        asOf: s.asOf,
        total: figuresJson(s.county),
        townships: s.townships.map((t) => ({ township: t.township, county: t.county, figures: figuresJson(t.figures) })),
        notes: s.notes,
        charts: s.charts,
      };
      return printJson(c, out);
    }
    c.out(`${s.countyName === '全部' ? '全部县（市、区）' : s.countyName} ${s.year}年度统计（截至${s.asOf}）`);
    c.out('');
    const summaryHead = ['统计项', '合计', '说明'];
    const summary = FIGURE_KEYS.map((k) => [
      `${FIGURE_META[k].label}（${FIGURE_META[k].share ? '%' : FIGURE_META[k].unit}）`,
      cell(k, s.county),
      s.notes[k] ?? FIGURE_META[k].rule,
    ]);
    if (values.xlsx) {
      const multiCounty = new Set(s.townships.map((t) => t.county)).size > 1;
      const tHead = [multiCounty ? '县 / 乡镇' : '乡镇', ...FIGURE_KEYS.map((k) => FIGURE_META[k].label)];
      const tRows = s.townships.map((t) => [
        multiCounty ? `${t.county} ${t.township}` : t.township,
        ...FIGURE_KEYS.map((k) => cell(k, t.figures)),
      ]);
      tRows.push(['合计', ...FIGURE_KEYS.map((k) => cell(k, s.county))]);
      const file = await writeTablesXlsx(values.xlsx, [
        { sheetName: `${s.year}年度统计`, headers: summaryHead, rows: summary },
        { sheetName: '分乡镇', headers: tHead, rows: tRows },
      ]);
      c.out(`已导出到 ${file}`);
      return 0;
    }
    printTable(c, summaryHead, summary);
    if (s.townships.length === 0) {
      c.out('');
      c.out('尚无乡镇');
      return 0;
    }
    c.out('');
    c.out('分乡镇（各乡镇之和即合计）：');
    const multi = new Set(s.townships.map((t) => t.county)).size > 1;
    const head = [multi ? '县 / 乡镇' : '乡镇', ...FIGURE_KEYS.map((k) => FIGURE_META[k].label)];
    const rows = s.townships.map((t) => [multi ? `${t.county} ${t.township}` : t.township, ...FIGURE_KEYS.map((k) => cell(k, t.figures))]);
    rows.push(['合计', ...FIGURE_KEYS.map((k) => cell(k, s.county))]);
    printTable(c, head, rows);
    return 0;
  });
}

export const statsCommands: CommandTable = { stats: statsCommand };

/** Lines for the usage text, in the same two-column format as main/cli/run.ts. */
export const statsUsage: string[] = [
  '  stats [--year 年度] [--county 县名] [--json] [--xlsx 文件.xlsx]',
  '                                     全县统计：薄弱村摘帽、集体收入5万元以上村、项目与资金、月在岗达标率、按时报送率、评先评优与提拔重用；分乡镇之和即合计',
  '  stats --city [--year 年度] [--json]',
  '                                     全市统计：各县（市、区）一行（含导入的县）与全市合计',
];
