/**
 * The month grid (月考勤登记表): cadres as rows, one column per day, totals at the right.
 * A plain table with memoised rows: 40 × 31 cells re-render in a few milliseconds.
 * Mouse: click, drag, shift-click select; right-click for the code menu (whole day or half).
 * Keyboard: arrows move (shift extends), a code letter sets the selection, Alt+letter the
 * morning, Alt+Shift+letter the afternoon, Delete/Space back to 在岗, Ctrl+Z / Ctrl+Y.
 */
import { Dropdown, type MenuProps } from 'antd';
import {
  memo,
  useCallback,
  useEffect,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import {
  ATTENDANCE_CODE_INFO,
  EDITABLE_CODES,
  WEEKDAY_LABELS,
  codeFromKey,
  type CellHalf,
  type DayCell,
  type DayInfo,
  type EditableCode,
  type RegisterDay,
} from '../../../shared/attendance';
import type { CellEditInput, GridRow, MonthGridView } from '../../../shared/api/attendance';
import { CadreLeadCells, CadreLeadHeads } from '../common/CadreLeadCells';
import { dayMarkOf } from '../../../shared/attendanceMarks';
import { SHOWN_COLOURS, shownTitle, editsForRect, editsFromPaste, dayTitle, fmtDays, rectOf, type Rect, type Selection } from './gridModel';
import { clampCell, type CellPos } from '../common/gridRows';
import './grid.css';

const HALF_WORD: Record<CellHalf, string> = { 全: '全天', 上: '上午', 下: '下午' };

/** A day's head cell (the date row, the weekday row): column day + 2, grey on rest days. */
function DayHead({ day, className, children }: { day: DayInfo; className: string; children: ReactNode }) {
  return (
    <th aria-colindex={day.day + 2} className={`${className}${day.rest ? ' rest' : ''}`} title={dayTitle(day)}>
      {children}
    </th>
  );
}

function Cell({
  cell,
  shown,
  day,
  selected,
  cursor,
}: { cell: DayCell; shown: RegisterDay; day: DayInfo; selected: boolean; cursor: boolean }) {
  // Grid semantics: day n is column n + 2 (after 姓名 and 村 / 职务).
  const aria = {
    role: 'gridcell',
    'aria-colindex': day.day + 2,
    'aria-selected': selected,
    ...(cursor ? { 'aria-current': true as const } : {}),
  };
  const [am, pm] = shown;
  const cls = `ob-att-cell${day.rest ? ' rest' : ''}${selected ? ' sel' : ''}${cursor ? ' cur' : ''}${am === '未到任' ? ' off' : ''}`;
  const title = shownTitle(day.day, cell, shown);
  if (am === pm) {
    const c = SHOWN_COLOURS(am);
    return (
      <td className={cls} data-c={day.day - 1} title={title} {...aria}>
        <span className="ob-att-code" style={{ color: c.fg, background: c.bg }}>
          {dayMarkOf(am)}
        </span>
      </td>
    );
  }
  return (
    <td className={cls} data-c={day.day - 1} title={title} {...aria}>
      <span className="ob-att-half" style={{ color: SHOWN_COLOURS(am).fg, background: SHOWN_COLOURS(am).bg }}>
        {dayMarkOf(am)}
      </span>
      <span className="ob-att-half" style={{ color: SHOWN_COLOURS(pm).fg, background: SHOWN_COLOURS(pm).bg }}>
        {dayMarkOf(pm)}
      </span>
    </td>
  );
}

const Row = memo(function Row({
  row,
  r,
  days,
  sel,
  cur,
}: { row: GridRow; r: number; days: DayInfo[]; sel: [number, number] | null; cur: number }) {
  const k = row.counts;
  const short = k.onPost < k.required;
  return (
    <tr className={short ? 'short' : undefined} data-r={r} data-testid={`att-row-${row.name}`} role="row" aria-rowindex={r + 3}>
      <CadreLeadCells prefix="ob-att" name={row.name} place={row.village ?? '乡镇'} postType={row.postType} />
      {row.cells.map((cell, c) => (
        <Cell
          key={c}
          cell={cell}
          shown={row.shown[c] ?? cell}
          day={days[c]!}
          selected={!!sel && c >= sel[0] && c <= sel[1]}
          cursor={c === cur}
        />
      ))}
      <td className={`ob-att-total${short ? ' bad' : ''}`} data-testid="total-onpost" role="gridcell" aria-colindex={days.length + 3}>
        {fmtDays(k.onPost)}
      </td>
      <td className="ob-att-total" data-testid="total-required" role="gridcell" aria-colindex={days.length + 4}>
        {k.required}
      </td>
      <td className="ob-att-total" data-testid="total-leave" role="gridcell" aria-colindex={days.length + 5}>
        {fmtDays(k.leave)}
      </td>
      <td className="ob-att-total" data-testid="total-absent" role="gridcell" aria-colindex={days.length + 6}>
        {fmtDays(k.absent)}
      </td>
    </tr>
  );
});

export function MonthGrid({
  grid,
  readOnly = false,
  onEdits,
  onUndo,
  onRedo,
  onPasteError,
}: {
  grid: MonthGridView;
  /** Review copy: cells can be selected and read, never changed. */
  readOnly?: boolean;
  onEdits: (edits: CellEditInput[]) => void;
  onUndo: () => void;
  onRedo: () => void;
  onPasteError: (message: string) => void;
}) {
  const { rows, days } = grid;
  const [sel, setSel] = useState<Selection>({ anchor: { r: 0, c: 0 }, focus: { r: 0, c: 0 } });
  const dragging = useRef(false);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const up = () => (dragging.current = false);
    window.addEventListener('mouseup', up);
    return () => window.removeEventListener('mouseup', up);
  }, []);

  const posOf = (e: MouseEvent): CellPos | null => {
    const td = (e.target as HTMLElement).closest('td[data-c]');
    const tr = td?.closest('tr[data-r]');
    if (!td || !tr) return null;
    return { r: Number(tr.getAttribute('data-r')), c: Number(td.getAttribute('data-c')) };
  };

  const onMouseDown = (e: MouseEvent) => {
    const p = posOf(e);
    if (!p) return;
    box.current?.focus({ preventScroll: true });
    if (e.button === 2) {
      // Right-click inside the selection keeps it for the menu; elsewhere selects that cell.
      const rc = rectOf(sel);
      if (p.r < rc.r0 || p.r > rc.r1 || p.c < rc.c0 || p.c > rc.c1) setSel({ anchor: p, focus: p });
      return;
    }
    e.preventDefault();
    dragging.current = true;
    setSel((s) => (e.shiftKey ? { anchor: s.anchor, focus: p } : { anchor: p, focus: p }));
  };
  const onMouseOver = (e: MouseEvent) => {
    if (!dragging.current) return;
    const p = posOf(e);
    if (p) setSel((s) => (s.focus.r === p.r && s.focus.c === p.c ? s : { anchor: s.anchor, focus: p }));
  };

  const setCode = useCallback(
    (code: EditableCode, half: CellHalf = '全') => {
      if (!readOnly) onEdits(editsForRect(rows, days, rectOf(sel), code, half));
    },
    [rows, days, sel, onEdits, readOnly],
  );

  const onKeyDown = (e: KeyboardEvent) => {
    const ctrl = e.ctrlKey || e.metaKey;
    if (ctrl && !e.altKey) {
      const k = e.key.toLowerCase();
      if (k === 'z' && !e.shiftKey) onUndo();
      else if (k === 'y' || (k === 'z' && e.shiftKey)) onRedo();
      else return;
      e.preventDefault();
      return;
    }
    const moves: Record<string, [number, number]> = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    const mv = moves[e.key];
    if (mv) {
      e.preventDefault();
      setSel((s) => {
        const f = clampCell({ r: s.focus.r + mv[0], c: s.focus.c + mv[1] }, rows.length, days.length);
        scrollIntoView(f);
        return e.shiftKey ? { anchor: s.anchor, focus: f } : { anchor: f, focus: f };
      });
      return;
    }
    if (e.key === 'Delete' || e.key === 'Backspace' || e.key === ' ') {
      e.preventDefault();
      setCode('在岗');
      return;
    }
    // e.code, not e.key: Alt+letter types other characters on some keyboards.
    const letter = /^Key([A-Z])$/.exec(e.code)?.[1];
    const code = letter ? codeFromKey(letter) : undefined;
    if (!code) return;
    e.preventDefault();
    setCode(code, e.altKey ? (e.shiftKey ? '下' : '上') : '全');
  };

  const scrollIntoView = (p: CellPos) => {
    const td = box.current?.querySelector(`tr[data-r="${p.r}"] td[data-c="${p.c}"]`);
    td?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  };

  const onPaste = (e: ClipboardEvent) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text || readOnly) return;
    e.preventDefault();
    const r = editsFromPaste(text, rows, days, rectOf(sel));
    if ('error' in r) onPasteError(r.error);
    else onEdits(r.edits);
  };

  const menu: MenuProps = {
    items: [
      ...EDITABLE_CODES.map((code) => ({
        key: code,
        label: `${code}（${ATTENDANCE_CODE_INFO[code].key}）`,
        children: (['全', '上', '下'] as const).map((h) => ({ key: `${code}|${h}`, label: HALF_WORD[h] })),
      })),
    ],
    onClick: ({ key }) => {
      const [code, half] = key.split('|') as [EditableCode, CellHalf];
      setCode(code, half);
      box.current?.focus({ preventScroll: true });
    },
  };

  const rect: Rect = rectOf(sel);
  return (
    <Dropdown menu={menu} trigger={['contextMenu']} disabled={readOnly}>
      <div
        ref={box}
        className={`ob-cell-grid-box ob-att-box${readOnly ? ' ob-readonly' : ''}`}
        aria-readonly={readOnly}
        tabIndex={0}
        onMouseDown={onMouseDown}
        onMouseOver={onMouseOver}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        data-testid="att-grid"
        aria-label="月考勤表"
      >
        <table
          className="ob-cell-grid ob-att-table"
          role="grid"
          aria-label="月考勤表"
          aria-rowcount={rows.length + 2}
          aria-colcount={days.length + 6}
          aria-multiselectable
        >
          <thead role="rowgroup">
            <tr role="row" aria-rowindex={1}>
              <CadreLeadHeads prefix="ob-att" placeTitle="村 / 职务" />
              {days.map((d) => (
                <DayHead key={d.date} day={d} className="ob-att-day">
                  {d.day}
                </DayHead>
              ))}
              <th className="ob-att-total" rowSpan={2} title="在岗天数（公出按县里设置计入）">
                在岗
              </th>
              <th className="ob-att-total" rowSpan={2} title="本月应在岗天数（按任职天数折算）">
                应到
              </th>
              <th className="ob-att-total" rowSpan={2}>
                请假
              </th>
              <th className="ob-att-total" rowSpan={2}>
                缺勤
              </th>
            </tr>
            <tr role="row" aria-rowindex={2}>
              {days.map((d) => (
                <DayHead key={d.date} day={d} className="ob-att-wd">
                  {d.holiday ? (
                    <span className="ob-att-tag hol">休</span>
                  ) : d.workday ? (
                    <span className="ob-att-tag work">班</span>
                  ) : (
                    WEEKDAY_LABELS[d.weekday]
                  )}
                </DayHead>
              ))}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((row, r) => (
              <Row
                key={row.cadreId}
                row={row}
                r={r}
                days={days}
                sel={r >= rect.r0 && r <= rect.r1 ? [rect.c0, rect.c1] : null}
                cur={r === sel.focus.r ? sel.focus.c : -1}
              />
            ))}
          </tbody>
        </table>
      </div>
    </Dropdown>
  );
}
