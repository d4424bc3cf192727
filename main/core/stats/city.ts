/**
 * The city view (全市): one row per county, each computed by computeStats for that county
 * alone (the very figures of the county's own view), and the city total as the sum of those
 * rows — counts and shares' numerators and denominators alike, never an average of rates.
 */
import {
  FIGURE_KEYS,
  sumFigures,
  type CityStatsResult,
  type FigureKey,
  type FigureNotes,
  type KindCount,
  type MonthCompliance,
  type SourceAmount,
  type StatsResult,
} from '../../../shared/stats';
import type { Db } from '../../store/db';
import { computeStats } from './compute';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

export interface CityQuery {
  year: number;
  /** Pinned by tests; defaults to the clerk's local date. */
  today?: string;
}

type CountyRow = { id: number; name: string; origin: string | null };

const zh = new Intl.Collator('zh-CN');

export function computeCityStats(db: Db, q: CityQuery): CityStatsResult {
  const today = q.today ?? localToday();
  // This department's own counties first, then the imported ones.
  const counties = stmt(db, 'SELECT id, name, origin FROM counties ORDER BY origin IS NOT NULL, id').all() as CountyRow[];
  if (counties.length === 0) return { ...computeStats(db, { year: q.year, today }), countyName: '全市', counties: [] };
  const each = counties.map((c) => ({ c, s: computeStats(db, { year: q.year, countyId: c.id, today }) }));
  const first = each[0]!.s;
  // A figure some county cannot give (its tables, or a county setting such as the programme start
  // year) has no city total either: a sum over part of the city would read as the whole.
  const unavailable = new Set<FigureKey>(FIGURE_KEYS.filter((k) => each.some((e) => e.s.county[k].value === null)));
  return {
    year: first.year,
    countyId: null,
    countyName: '全市',
    asOf: today,
    county: sumFigures(
      each.map((e) => e.s.county),
      unavailable,
    ),
    townships: each.flatMap((e) => e.s.townships),
    notes: cityNotes(each),
    charts: {
      projectsByKind: unavailable.has('projects') ? null : kinds(each.map((e) => e.s.charts.projectsByKind ?? [])),
      fundingBySource: unavailable.has('projectFunds') ? null : sources(each.map((e) => e.s.charts.fundingBySource ?? [])),
      attendanceByMonth: months(each.map((e) => e.s.charts.attendanceByMonth)),
    },
    counties: each.map(({ c, s }) => ({ countyId: c.id, county: c.name, origin: c.origin, figures: s.county, notes: s.notes })),
  };
}

/** A note shared by every county stays as it is; notes that differ are named by county. */
function cityNotes(each: Array<{ c: CountyRow; s: StatsResult }>): FigureNotes {
  const out: FigureNotes = {};
  for (const k of FIGURE_KEYS) {
    const notes = each.map((e) => e.s.notes[k]);
    if (notes.every((n) => n === notes[0])) {
      if (notes[0]) out[k] = notes[0];
      continue;
    }
    out[k] = each
      .filter((e) => e.s.notes[k])
      .map((e) => `${e.c.name}${e.s.notes[k]}`)
      .join('；');
  }
  return out;
}

function kinds(lists: KindCount[][]): KindCount[] {
  const m = new Map<string, number>();
  for (const l of lists) for (const { kind, count } of l) m.set(kind, (m.get(kind) ?? 0) + count);
  return [...m].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || zh.compare(a.kind, b.kind));
}

function sources(lists: SourceAmount[][]): SourceAmount[] {
  const m = new Map<string, number>();
  for (const l of lists) for (const { source, fen } of l) m.set(source, (m.get(source) ?? 0) + fen);
  return [...m].map(([source, fen]) => ({ source, fen })).sort((a, b) => b.fen - a.fen);
}

function months(lists: MonthCompliance[][]): MonthCompliance[] {
  const m = new Map<string, MonthCompliance>();
  for (const l of lists) {
    for (const r of l) {
      const e = m.get(r.month) ?? { month: r.month, met: 0, posted: 0 };
      e.met += r.met;
      e.posted += r.posted;
      m.set(r.month, e);
    }
  }
  return [...m.values()].sort((a, b) => a.month.localeCompare(b.month));
}
