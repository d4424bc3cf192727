/**
 * Cadres × indicators, typed from the paper score sheets. Every cell is a plain input:
 * Enter moves down, Tab right (wrapping to the next cadre; out of the grid after the last cell),
 * arrows move (left/right at the text's edge), F2 opens the evidence of the focused cadre.
 * Refused values stay red and unsaved. An ARIA grid (rows and cells indexed) with a roving
 * tabindex: Tab from outside lands on the cell last worked in.
 */
import { memo, useRef, type KeyboardEvent } from 'react';
import type { BallotFactors, GridRow } from '../../../shared/evaluation';
import { CadreLeadCells, CadreLeadHeads } from '../common/CadreLeadCells';
import { clampCell } from '../common/gridRows';
import { ballotScore, ballotsOf, ballotTexts, cellId, cellText, storedText, type ColGroup, type EntryCol } from './scoreModel';

const Row = memo(function Row({
  row,
  r,
  groups,
  drafts,
  errors,
  factors,
  readOnly,
  focusR,
  focusC,
  onDraft,
}: {
  row: GridRow;
  r: number;
  groups: ColGroup[];
  drafts: Record<string, string>;
  errors: Record<string, string>;
  factors: BallotFactors;
  readOnly: boolean;
  focusR: boolean;
  /** The entry column of the roving tab stop in this row, or -1. */
  focusC: number;
  onDraft: (row: GridRow, col: EntryCol, text: string) => void;
}) {
  const offsets = groups.map((_, i) => groups.slice(0, i).reduce((n, g) => n + g.cols.length, 0));
  const ariaCols = ariaColumnStarts(groups);
  const dirtyRow = groups.some((g) => g.cols.some((col) => drafts[cellId(row.cadreId, col.id)] !== undefined));
  return (
    <tr data-r={r} className={focusR ? 'cur' : undefined} data-testid={`score-row-${row.name}`} role="row" aria-rowindex={r + 3}>
      <CadreLeadCells prefix="ob-sg" name={row.name} place={row.village ?? row.township} postType={row.postType} />
      {groups.map((g, gi) => {
        const cells = g.cols.map((col, ci) => {
          const c = offsets[gi]! + ci;
          const id = cellId(row.cadreId, col.id);
          const err = errors[id];
          const draft = drafts[id];
          return (
            <td
              key={col.id}
              className={`ob-sg-cell${err ? ' bad' : draft !== undefined ? ' dirty' : ''}`}
              role="gridcell"
              aria-colindex={ariaCols[gi]! + ci}
            >
              <input
                data-r={r}
                data-c={c}
                tabIndex={c === focusC ? 0 : -1}
                value={cellText(drafts, row, col)}
                data-cell={id}
                readOnly={readOnly}
                onChange={(e) => !readOnly && onDraft(row, col, e.target.value)}
                inputMode="decimal"
                title={err ?? undefined}
                aria-invalid={!!err}
                aria-label={`${row.name} ${col.group} ${col.label}`}
              />
            </td>
          );
        });
        if (!g.ballots) return cells;
        const b = ballotsOf(ballotTexts(drafts, row, g));
        const stored = row.componentScores[g.component];
        const shown = 'ballots' in b ? ballotScore(b.ballots, factors, g.scale) : 'empty' in b ? null : stored;
        return [
          ...cells,
          <td
            key={`${g.component}#score`}
            className="ob-sg-calc"
            data-testid={`ballot-score-${g.component}`}
            title="按方案的票数折算公式计算"
            role="gridcell"
            aria-colindex={ariaCols[gi]! + g.cols.length}
          >
            {shown === null || shown === undefined ? '—' : shown.toFixed(2)}
          </td>,
        ];
      })}
      <td
        className={`ob-sg-total${dirtyRow ? ' stale' : ''}`}
        data-testid="score-total"
        title={dirtyRow ? '保存后重新计算' : undefined}
        role="gridcell"
        aria-colindex={ariaCols[groups.length]!}
      >
        {row.total === null ? '—' : row.total.toFixed(2)}
      </td>
    </tr>
  );
});

/**
 * The aria-colindex where each group's first column sits (name and place are 1 and 2; a ballot
 * group's computed 得分 column follows its entry columns); the last element is 总分's.
 */
function ariaColumnStarts(groups: ColGroup[]): number[] {
  const starts: number[] = [];
  let next = 3;
  for (const g of groups) {
    starts.push(next);
    next += g.cols.length + (g.ballots ? 1 : 0);
  }
  starts.push(next);
  return starts;
}

export function ScoreGrid({
  rows,
  groups,
  drafts,
  errors,
  factors,
  readOnly,
  focus,
  onFocus,
  onDraft,
  onEvidence,
  onSave,
}: {
  rows: GridRow[];
  groups: ColGroup[];
  drafts: Record<string, string>;
  errors: Record<string, string>;
  factors: BallotFactors;
  readOnly: boolean;
  focus: { r: number; c: number };
  onFocus: (p: { r: number; c: number }) => void;
  onDraft: (row: GridRow, col: EntryCol, text: string) => void;
  onEvidence: () => void;
  onSave: () => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const cols = groups.flatMap((g) => g.cols);
  const ariaCols = ariaColumnStarts(groups);

  const moveTo = (r: number, c: number) => {
    const p = clampCell({ r, c }, rows.length, cols.length);
    const el = box.current?.querySelector<HTMLInputElement>(`input[data-r="${p.r}"][data-c="${p.c}"]`);
    if (el) {
      el.focus();
      el.select();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const el = e.target as HTMLInputElement;
    if (el.tagName !== 'INPUT' || el.dataset.r === undefined) return;
    const r = Number(el.dataset.r);
    const c = Number(el.dataset.c);
    const atStart = el.selectionStart === 0 && el.selectionEnd === 0;
    const atEnd = el.selectionStart === el.value.length;
    const allSelected = el.selectionStart === 0 && el.selectionEnd === el.value.length;
    if (e.key === 'F2' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'e')) {
      e.preventDefault();
      onEvidence();
    } else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      onSave();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      moveTo(r + (e.shiftKey ? -1 : 1), c);
    } else if (e.key === 'Tab') {
      // the first and last cells let Tab leave the grid (no keyboard trap)
      if (e.shiftKey ? r === 0 && c === 0 : r === rows.length - 1 && c === cols.length - 1) return;
      e.preventDefault();
      if (e.shiftKey) {
        if (c === 0) moveTo(r - 1, cols.length - 1);
        else moveTo(r, c - 1);
      } else if (c === cols.length - 1) moveTo(r + 1, 0);
      else moveTo(r, c + 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      moveTo(r + (e.key === 'ArrowDown' ? 1 : -1), c);
    } else if (e.key === 'ArrowLeft' && (atStart || allSelected)) {
      e.preventDefault();
      moveTo(r, c - 1);
    } else if (e.key === 'ArrowRight' && (atEnd || allSelected)) {
      e.preventDefault();
      moveTo(r, c + 1);
    } else if (e.key === 'Escape' && drafts[el.dataset.cell ?? ''] !== undefined) {
      // Esc takes back what was typed in this cell.
      const row = rows[r];
      const col = cols[c];
      if (row && col) onDraft(row, col, storedText(row, col));
    }
  };

  return (
    <div
      ref={box}
      className="ob-cell-grid-box"
      data-testid="score-grid"
      onKeyDown={onKeyDown}
      onFocus={(e) => {
        const el = e.target as HTMLInputElement;
        if (el.dataset.r === undefined) return;
        el.select();
        onFocus({ r: Number(el.dataset.r), c: Number(el.dataset.c) });
      }}
    >
      <table
        className="ob-cell-grid ob-sg-table"
        role="grid"
        aria-label="评分表"
        aria-rowcount={rows.length + 2}
        aria-colcount={ariaCols[groups.length]!}
        aria-readonly={readOnly}
      >
        <thead role="rowgroup">
          <tr role="row" aria-rowindex={1}>
            <CadreLeadHeads prefix="ob-sg" placeTitle="村 / 岗位" />
            {groups.map((g, gi) => (
              <th
                key={g.component}
                colSpan={g.cols.length + (g.ballots ? 1 : 0)}
                className="ob-sg-group"
                role="columnheader"
                aria-colindex={ariaCols[gi]}
              >
                {g.label}
              </th>
            ))}
            <th className="ob-sg-total" rowSpan={2} role="columnheader" aria-colindex={ariaCols[groups.length]}>
              总分
            </th>
          </tr>
          <tr role="row" aria-rowindex={2}>
            {groups.map((g, gi) => [
              ...g.cols.map((col, i) => (
                <th
                  key={col.id}
                  className={`ob-sg-col${i === 0 ? ' first' : ''}`}
                  title={col.kind === 'score' ? `满分${col.max}` : undefined}
                  role="columnheader"
                  aria-colindex={ariaCols[gi]! + i}
                >
                  {col.label}
                  {col.kind === 'score' && col.indicator && <span className="ob-sg-max">/{col.max}</span>}
                </th>
              )),
              ...(g.ballots
                ? [
                    <th key={`${g.component}#h`} className="ob-sg-col" role="columnheader" aria-colindex={ariaCols[gi]! + g.cols.length}>
                      得分/{g.scale}
                    </th>,
                  ]
                : []),
            ])}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row, r) => (
            <Row
              key={row.cadreId}
              row={row}
              r={r}
              groups={groups}
              drafts={drafts}
              errors={errors}
              factors={factors}
              readOnly={readOnly}
              focusR={r === focus.r}
              focusC={r === Math.min(focus.r, rows.length - 1) ? Math.min(focus.c, cols.length - 1) : -1}
              onDraft={onDraft}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
