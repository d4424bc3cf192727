/**
 * The score grid's model: the scheme's columns flattened into typed cells (a score per
 * indicator, four ballot counts per villagers' component), parsing and range checks of what
 * the clerk typed, and the batch of changes to save. Pure: no React, no calls.
 */
import type { Ballots, BallotFactors, GridColumn, GridRow, ScoreCellInput } from '../../../shared/evaluation';

export const BALLOT_FIELDS = ['satisfied', 'basic', 'unsatisfied', 'ballots'] as const;
export type BallotField = (typeof BALLOT_FIELDS)[number];
export const BALLOT_LABELS: Record<BallotField, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意', ballots: '票数' };

/** One typed cell column. */
export type EntryCol =
  | { id: string; kind: 'score'; component: string; indicator: string | null; group: string; label: string; max: number }
  | { id: string; kind: 'ballot'; component: string; field: BallotField; group: string; label: string };

/** Header groups: a component spans its indicator (or ballot) columns, plus a computed column for ballots. */
export interface ColGroup {
  component: string;
  label: string;
  cols: EntryCol[];
  /** Villagers' component: a read-only computed score column follows the counts. */
  ballots: boolean;
  scale: number;
}

export function entryGroups(columns: GridColumn[], scales: Record<string, number>): ColGroup[] {
  const groups: ColGroup[] = [];
  for (const c of columns) {
    let g = groups.find((x) => x.component === c.component);
    if (!g) {
      g = {
        component: c.component,
        label: c.componentLabel,
        cols: [],
        ballots: c.source === 'ballots',
        scale: scales[c.component] ?? c.max,
      };
      groups.push(g);
    }
    if (c.source === 'ballots') {
      for (const f of BALLOT_FIELDS)
        g.cols.push({
          id: `${c.component}#${f}`,
          kind: 'ballot',
          component: c.component,
          field: f,
          group: c.componentLabel,
          label: BALLOT_LABELS[f],
        });
    } else {
      const id = c.indicator ? `${c.component}.${c.indicator}` : c.component;
      g.cols.push({
        id,
        kind: 'score',
        component: c.component,
        indicator: c.indicator,
        group: c.componentLabel,
        label: c.indicator ? c.label : `得分/${c.max}`,
        max: c.max,
      });
    }
  }
  return groups;
}

/** What is stored for a cell, as the text the input shows. */
export function storedText(row: GridRow, col: EntryCol): string {
  if (col.kind === 'score') {
    const v = row.values[col.id];
    return v === undefined ? '' : String(v);
  }
  const b = row.ballots[col.component];
  return b ? String(b[col.field]) : '';
}

const NUM = /^\d+(\.\d{1,2})?$/;
const INT = /^\d+$/;

/** Range check of one typed cell; null when acceptable (empty clears a score). */
export function cellError(text: string, col: EntryCol): string | null {
  const t = text.trim();
  if (t === '') return null;
  if (col.kind === 'score') {
    if (!NUM.test(t)) return `“${col.group}${col.indicator ? '·' + col.label : ''}”应填写数字，最多两位小数`;
    if (Number(t) > col.max) return `“${col.group}${col.indicator ? '·' + col.label : ''}”不能超过${col.max}分`;
    return null;
  }
  if (!INT.test(t)) return `“${col.group}·${col.label}”应填写整数票数`;
  if (Number(t) > 100000) return `“${col.group}·${col.label}”票数过大`;
  return null;
}

/** The four counts of a villagers' component from the drafts (or stored values), or an error. */
export function ballotsOf(texts: Record<BallotField, string>): { ballots: Ballots } | { error: string } | { empty: true } {
  if (BALLOT_FIELDS.every((f) => texts[f].trim() === '')) return { empty: true };
  const missing = BALLOT_FIELDS.filter((f) => texts[f].trim() === '');
  if (missing.length) return { error: `请填写${missing.map((f) => BALLOT_LABELS[f]).join('、')}票数` };
  if (BALLOT_FIELDS.some((f) => !INT.test(texts[f].trim()))) return { error: '票数应为整数' };
  const [s, b, u, n] = BALLOT_FIELDS.map((f) => Number(texts[f]));
  if (n! === 0) return { error: '票数不能为0' };
  if (s! + b! + u! > n!) return { error: `满意、基本满意、不满意之和（${s! + b! + u!}）超过了票数（${n}）` };
  return { ballots: { satisfied: s!, basic: b!, unsatisfied: u!, ballots: n! } };
}

/** Half-up to 2 decimals, as the scheme's rounding rule states (display only). */
export function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

/** The villagers' score by the scheme's formula: Σ count × factor ÷ ballots × scale. */
export function ballotScore(b: Ballots, f: BallotFactors, scale: number): number {
  if (b.ballots <= 0) return 0;
  return round2(((b.satisfied * f.satisfied + b.basic * f.basic + b.unsatisfied * f.unsatisfied) / b.ballots) * scale);
}

export const cellId = (cadreId: number, colId: string) => `${cadreId}|${colId}`;

/** Text of a cell: the draft when typed, else what is stored. */
export const cellText = (drafts: Record<string, string>, row: GridRow, col: EntryCol) =>
  drafts[cellId(row.cadreId, col.id)] ?? storedText(row, col);

export function ballotTexts(drafts: Record<string, string>, row: GridRow, g: ColGroup): Record<BallotField, string> {
  const out = {} as Record<BallotField, string>;
  for (const c of g.cols) if (c.kind === 'ballot') out[c.field] = cellText(drafts, row, c);
  return out;
}

/** Every refused cell's message, keyed by cell id; a ballot row's problem sits on its 票数 cell. */
export function draftErrors(rows: GridRow[], groups: ColGroup[], drafts: Record<string, string>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const row of rows) {
    for (const g of groups) {
      let touched = false;
      for (const col of g.cols) {
        const id = cellId(row.cadreId, col.id);
        const d = drafts[id];
        if (d === undefined) continue;
        touched = true;
        const e = cellError(d, col);
        if (e) errors[id] = `${row.name}：${e}`;
      }
      if (!g.ballots || !touched) continue;
      const b = ballotsOf(ballotTexts(drafts, row, g));
      const cellErrs = g.cols.some((col) => errors[cellId(row.cadreId, col.id)]);
      if ('error' in b && !cellErrs) errors[cellId(row.cadreId, `${g.component}#ballots`)] = `${row.name}：${g.label}${b.error}`;
      if ('empty' in b && g.cols.some((col) => storedText(row, col) !== '')) {
        errors[cellId(row.cadreId, `${g.component}#ballots`)] = `${row.name}：${g.label}票数不能清空，请填写实际票数`;
      }
    }
  }
  return errors;
}

export interface Batch {
  cells: ScoreCellInput[];
  ballots: Array<Ballots & { cadreId: number; component: string }>;
  /** Draft cells this batch settles (sent, or typed back to the stored value). */
  settled: string[];
  /** Refused cells left as they are. */
  refused: number;
}

/** What a save sends: valid changed cells only; refused ones stay in the drafts, red. */
export function buildBatch(rows: GridRow[], groups: ColGroup[], drafts: Record<string, string>, errors: Record<string, string>): Batch {
  const out: Batch = { cells: [], ballots: [], settled: [], refused: 0 };
  for (const row of rows) {
    for (const g of groups) {
      const ids = g.cols.map((col) => cellId(row.cadreId, col.id));
      const typed = ids.filter((id) => drafts[id] !== undefined);
      if (typed.length === 0) continue;
      if (g.ballots) {
        if (ids.some((id) => errors[id])) {
          out.refused += 1;
          continue;
        }
        const b = ballotsOf(ballotTexts(drafts, row, g));
        if ('ballots' in b && g.cols.some((col) => cellText(drafts, row, col).trim() !== storedText(row, col))) {
          out.ballots.push({ cadreId: row.cadreId, component: g.component, ...b.ballots });
        }
        out.settled.push(...typed);
        continue;
      }
      for (const col of g.cols) {
        const id = cellId(row.cadreId, col.id);
        const d = drafts[id];
        if (d === undefined || col.kind !== 'score') continue;
        if (errors[id]) {
          out.refused += 1;
          continue;
        }
        out.settled.push(id);
        const t = d.trim();
        if (t === storedText(row, col)) continue;
        if (t === '' && storedText(row, col) === '') continue;
        out.cells.push({ cadreId: row.cadreId, component: col.component, indicator: col.indicator, value: t === '' ? null : Number(t) });
      }
    }
  }
  return out;
}
