/**
 * Component scores and the weighted total of one cadre, exactly (see shared/evaluation.ts for
 * the rounding rule). Values are keyed `${component}` (whole) or `${component}.${indicator}`.
 */
import type { PostType } from '../domain';
import type { BallotFactors, Ballots, Grade, GradeThresholds, GridColumn, SchemeBody, SchemeComponent } from '../evaluation';
import { add, frac, roundHundredths, toHundredths, ZERO, type Frac } from './exact';

export const cellKey = (component: string, indicator: string | null): string => (indicator ? `${component}.${indicator}` : component);

/** The cells a post type fills in: per component, its indicator set or the component whole. */
export function gridColumns(body: SchemeBody, post: PostType): GridColumn[] {
  const cols: GridColumn[] = [];
  for (const c of body.components) {
    const set = c.source === 'score' ? c.indicators[post] : undefined;
    if (set && set.length > 0) {
      for (const i of set)
        cols.push({ component: c.key, componentLabel: c.label, indicator: i.key, label: i.label, max: i.points, source: c.source });
    } else {
      cols.push({ component: c.key, componentLabel: c.label, indicator: null, label: c.label, max: c.scale, source: c.source });
    }
  }
  return cols;
}

/** The ballots formula, as an exact fraction of the component's full marks (0..1). */
export function ballotShare(b: Ballots, f: BallotFactors): Frac {
  const n = toHundredths(f.satisfied) * b.satisfied + toHundredths(f.basic) * b.basic + toHundredths(f.unsatisfied) * b.unsatisfied;
  return frac(n, 100 * b.ballots);
}

/** Checks ballot counts; returns a Chinese problem or null. */
export function ballotsProblem(b: Ballots): string | null {
  if (b.ballots <= 0) return '总票数应大于0';
  if (b.satisfied + b.basic + b.unsatisfied > b.ballots) return '满意、基本满意、不满意票数之和不能超过总票数';
  return null;
}

export interface ComponentOutcome {
  /** Share of full marks (0..1), exact; null when not (fully) entered. */
  share: Frac | null;
  /** Display score in hundredths of a point (rounded half-up). */
  display: number | null;
  missing: string[];
}

export function componentOutcome(
  c: SchemeComponent,
  post: PostType,
  values: Record<string, number>,
  ballots: Record<string, Ballots>,
  factors: BallotFactors,
): ComponentOutcome {
  if (c.source === 'ballots') {
    const b = ballots[c.key];
    if (!b || ballotsProblem(b)) return { share: null, display: null, missing: [c.label] };
    const share = ballotShare(b, factors);
    return { share, display: roundHundredths({ num: share.num * BigInt(c.scale), den: share.den }), missing: [] };
  }
  const set = c.indicators[post];
  const keys =
    set && set.length > 0
      ? set.map((i) => ({ key: cellKey(c.key, i.key), label: `${c.label}·${i.label}` }))
      : [{ key: c.key, label: c.label }];
  const missing = keys.filter((k) => values[k.key] === undefined).map((k) => k.label);
  if (missing.length > 0) return { share: null, display: null, missing };
  const sum = keys.reduce((s, k) => s + toHundredths(values[k.key]!), 0);
  return { share: frac(sum, 100 * c.scale), display: sum, missing: [] };
}

export interface CadreScore {
  /** Component key → display score in hundredths (null = incomplete). */
  components: Record<string, number | null>;
  /** Weighted total in hundredths, rounded once; null while incomplete. */
  total: number | null;
  missing: string[];
}

export function scoreCadre(body: SchemeBody, post: PostType, values: Record<string, number>, ballots: Record<string, Ballots>): CadreScore {
  const components: Record<string, number | null> = {};
  const missing: string[] = [];
  let total: Frac = ZERO;
  for (const c of body.components) {
    const o = componentOutcome(c, post, values, ballots, body.ballotFactors);
    components[c.key] = o.display;
    missing.push(...o.missing);
    if (o.share) total = add(total, { num: o.share.num * BigInt(c.weight), den: o.share.den });
  }
  return { components, total: missing.length ? null : roundHundredths(total), missing };
}

/** Grade by the rounded total alone. */
export function gradeOf(totalHundredths: number, t: GradeThresholds): Grade {
  if (totalHundredths >= toHundredths(t.excellent)) return '优秀';
  if (totalHundredths >= toHundredths(t.competent)) return '称职';
  if (totalHundredths >= toHundredths(t.basic)) return '基本称职';
  return '不称职';
}
