/**
 * The records behind a figure: the same facts the figure was summed from, filtered to a
 * township, a month (attendance chart), a project kind or a funding source (project charts).
 * Shares list every record due, those not counted first (what needs attention).
 */
import { FIGURE_META, SIGNED_FIGURES, figureText, type DrillRecord, type DrillResult, type FigureKey } from '../../../shared/stats';
import { AppError } from '../../../shared/result';
import { yuan } from '../../../shared/work';
import type { Db } from '../../store/db';
import type { Fact } from './facts';
import { resolveScope, type StatsQuery } from './scope';
import { collectFacts, countyScopes } from './sources';
import { monthLabel } from '../../../shared/dates';

export interface DrillQuery extends StatsQuery {
  figure: FigureKey;
  townshipId?: number;
  month?: string;
  kind?: string;
  source?: string;
}

const zh = new Intl.Collator('zh-CN');

export function drillStats(db: Db, q: DrillQuery): DrillResult {
  const scope = resolveScope(db, q);
  if (q.townshipId !== undefined && !scope.townships.has(q.townshipId)) {
    throw new AppError('NOT_FOUND', '所选乡镇不在统计范围内，可能已被删除，请刷新后重试');
  }
  const meta = FIGURE_META[q.figure];
  const ff = collectFacts(db, scope, q.figure).get(q.figure)!;
  const everywhere = countyScopes(scope).length > 1 ? '全市' : '全部乡镇';
  const where: string[] = [
    q.townshipId !== undefined ? scope.townships.get(q.townshipId)!.name : scope.countyName === '全部' ? everywhere : scope.countyName,
  ];
  let facts: Fact[] = ff.facts.filter((f) => (q.townshipId === undefined || f.townshipId === q.townshipId) && (meta.share || f.counted));
  if (q.month) {
    facts = facts.filter((f) => f.month === q.month);
    where.push(monthLabel(q.month));
  }
  if (q.kind) {
    facts = facts.filter((f) => (f.kind ?? '其他') === q.kind);
    where.push(q.kind);
  }
  if (q.source) {
    const src = q.source;
    facts = facts
      .filter((f) => (f.sources?.[src] ?? 0) > 0)
      .map((f) => ({ ...f, weight: f.sources![src]!, amount: `${yuan(f.sources![src]!)}元` }));
    where.push(src);
  }
  facts.sort(
    (a, b) =>
      Number(a.counted) - Number(b.counted) ||
      zh.compare(a.township, b.township) ||
      zh.compare(a.village ?? '', b.village ?? '') ||
      zh.compare(a.cadre ?? '', b.cadre ?? '') ||
      (a.when ?? '').localeCompare(b.when ?? ''),
  );
  const records: DrillRecord[] = facts.map(({ key, township, village, cadreId, cadre, when, text, amount, counted, link }) => ({
    key,
    township,
    village,
    cadreId,
    cadre,
    when,
    text,
    amount,
    counted,
    link,
  }));
  const counted = facts.filter((f) => f.counted);
  let summary: string;
  if (ff.unavailable) summary = ff.unavailable;
  else if (meta.share) {
    const pending = facts.filter((f) => f.pending).length;
    summary = `共 ${facts.length - pending} ${meta.unit}，${q.figure === 'attendance' ? '达标' : '按时'} ${counted.length} ${meta.unit}${pending ? `；未认定 ${pending} ${meta.unit}（不计入）` : ''}`;
  } else if (q.figure === 'projectFunds' || q.source)
    summary = `共 ${facts.length} 个项目，合计 ${yuan(counted.reduce((n, f) => n + f.weight, 0))} 元`;
  else if (SIGNED_FIGURES.has(q.figure)) {
    const up = counted.filter((f) => f.weight > 0).length;
    const net = counted.reduce((n, f) => n + f.weight, 0);
    summary = `增加 ${up} ${meta.unit}，减少 ${counted.length - up} ${meta.unit}，净${figureText(q.figure, { value: net })} ${meta.unit}`;
  } else summary = `共 ${counted.length} ${meta.unit}`;
  return {
    figure: q.figure,
    title: `${scope.year}年 ${where.join(' · ')} · ${meta.label}`,
    summary,
    records,
    note: ff.unavailable ?? ff.note ?? null,
  };
}
