/**
 * computeStats: the county's figures for a year, per township and in total. The total is the
 * sum of the township rows (see shared/stats.ts), so the table reconciles by construction;
 * the tests still check it against the facts.
 */
import {
  FIGURE_KEYS,
  FIGURE_META,
  emptyFigures,
  sumFigures,
  type FigureKey,
  type FigureNotes,
  type KindCount,
  type MonthCompliance,
  type SourceAmount,
  type StatsResult,
  type TownshipStats,
} from '../../../shared/stats';
import type { Db } from '../../store/db';
import { endedMonths } from './attendanceFacts';
import type { FigureFacts } from './facts';
import { resolveScope, type StatsQuery } from './scope';
import { collectFacts } from './sources';

const zh = new Intl.Collator('zh-CN');

export function computeStats(db: Db, q: StatsQuery): StatsResult {
  const scope = resolveScope(db, q);
  const all = collectFacts(db, scope);
  const unavailable = new Set<FigureKey>(FIGURE_KEYS.filter((k) => all.get(k)?.unavailable));
  const notes: FigureNotes = {};
  for (const k of FIGURE_KEYS) {
    const ff = all.get(k);
    const note = ff?.unavailable ?? ff?.note;
    if (note) notes[k] = note;
  }

  const townships: TownshipStats[] = [...scope.townships.values()].map((t) => ({
    townshipId: t.id,
    township: t.name,
    county: t.county,
    figures: emptyFigures(unavailable),
  }));
  const byId = new Map(townships.map((t) => [t.townshipId, t]));
  for (const ff of all.values()) {
    if (ff.unavailable) continue;
    for (const f of ff.facts) {
      const fig = byId.get(f.townshipId)?.figures[ff.key];
      if (!fig) continue;
      if (f.pending) {
        fig.pending = (fig.pending ?? 0) + 1;
        continue;
      }
      if (f.counted) fig.value! += f.weight;
      if (FIGURE_META[ff.key].share) fig.of! += 1;
    }
  }

  return {
    year: scope.year,
    countyId: scope.countyId,
    countyName: scope.countyName,
    asOf: scope.today,
    county: sumFigures(
      townships.map((t) => t.figures),
      unavailable,
    ),
    townships,
    notes,
    charts: {
      projectsByKind: all.get('projects')?.unavailable ? null : projectsByKind(all.get('projects')),
      fundingBySource: all.get('projectFunds')?.unavailable ? null : fundingBySource(all.get('projectFunds')),
      attendanceByMonth: attendanceByMonth(all.get('attendance'), scope.year, scope.today),
    },
  };
}

function projectsByKind(ff: FigureFacts | undefined): KindCount[] {
  const m = new Map<string, number>();
  for (const f of ff?.facts ?? []) if (f.counted) m.set(f.kind ?? '其他', (m.get(f.kind ?? '其他') ?? 0) + 1);
  return [...m].map(([kind, count]) => ({ kind, count })).sort((a, b) => b.count - a.count || zh.compare(a.kind, b.kind));
}

function fundingBySource(ff: FigureFacts | undefined): SourceAmount[] {
  const m = new Map<string, number>();
  for (const f of ff?.facts ?? []) for (const [src, fen] of Object.entries(f.sources ?? {})) m.set(src, (m.get(src) ?? 0) + fen);
  return [...m]
    .filter(([, fen]) => fen > 0)
    .map(([source, fen]) => ({ source, fen }))
    .sort((a, b) => b.fen - a.fen);
}

function attendanceByMonth(ff: FigureFacts | undefined, year: number, today: string): MonthCompliance[] {
  const m = new Map<string, MonthCompliance>(endedMonths(year, today).map((month) => [month, { month, met: 0, posted: 0 }]));
  for (const f of ff?.facts ?? []) {
    const row = m.get(f.month!);
    if (!row) continue;
    if (f.pending) {
      row.pending = (row.pending ?? 0) + 1;
      continue;
    }
    row.posted++;
    if (f.counted) row.met++;
  }
  return [...m.values()];
}
