import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Tag, Tooltip } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { call, stageFile } from '../api/client';
import { READ_ONLY_HINT } from '../common/useReadOnly';
import { useNotify } from '../util/notify';
import {
  applyPaste,
  blankRow,
  cellProblem,
  COLUMNS,
  isBlank,
  normalizeCell,
  parsePasted,
  rowsToSave,
  LOG_HEADERS,
  type Column,
  type DraftRow,
} from './logRows';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { logSheet } from './logSheet';
import './worklog.css';
import { useUnsavedGuard } from '../common/useUnsavedGuard';

const PLACEHOLDER: Partial<Record<Column, string>> = { date: '如 3.5', kind: 'Z/B/H' };

interface Props {
  cadreId: number;
  /** For the exported file's name. */
  cadreName: string;
  year: number;
  rows: DraftRow[];
  setRows: (update: (rows: DraftRow[]) => DraftRow[]) => void;
  onSaved: () => void;
  /** Review copy: the log is read (and its files opened), never changed. */
  readOnly?: boolean;
}

/**
 * Keyboard-driven entry table. Enter/Tab go to the next cell (Shift goes back), Enter on the
 * last cell or Ctrl+Enter adds a row, ↑/↓ change row, Ctrl+S saves everything in one call.
 * Pasting tab-separated rows from a spreadsheet fills the table from the focused cell.
 * An ARIA grid with a roving tabindex: one tab stop (the cell last worked in); Tab leaves the
 * grid from its first cell backwards and from the empty last row forwards. A review copy moves
 * with the arrow keys.
 */
export function LogTable({ cadreId, cadreName, year, rows: allRows, setRows, onSaved, readOnly = false }: Props) {
  // A review copy shows the saved entries only, without the blank row for typing.
  const rows = readOnly ? allRows.filter((r) => r.id !== undefined) : allRows;
  const { notifyError, success } = useNotify();
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [focus, setFocus] = useState<{ key: string; col: Column } | null>(null);
  const [saving, setSaving] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const attachTo = useRef<string | null>(null);

  // Moves the keyboard when the focused cell changes (not when rows change: a cell normalised on
  // blur must not pull the focus back after Tab has left the grid).
  useEffect(() => {
    if (!focus) return;
    const el = inputs.current.get(`${focus.key}:${focus.col}`);
    if (el && document.activeElement !== el) el.focus();
  }, [focus]);

  const edit = (key: string, col: Column, value: string) =>
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, cells: { ...r.cells, [col]: value }, dirty: true } : r)));

  const normalize = (key: string, col: Column) =>
    setRows((rs) =>
      rs.map((r) => {
        if (r.key !== key) return r;
        const v = normalizeCell(col, r.cells[col], year);
        return v === r.cells[col] ? r : { ...r, cells: { ...r.cells, [col]: v } };
      }),
    );

  const save = useCallback(async () => {
    const { rows: out } = rowsToSave(rows, year);
    if (!out.length) {
      success('没有需要保存的修改');
      return;
    }
    setSaving(true);
    try {
      await call('worklog.save', { cadreId, rows: out });
      success(`已保存${out.length}条日志`);
      onSaved();
    } catch (err) {
      notifyError(err, '日志未保存');
    } finally {
      setSaving(false);
    }
  }, [rows, year, cadreId, onSaved, notifyError, success]);

  const addRowAfterLast = () => {
    const r = blankRow();
    setRows((rs) => {
      const last = rs[rs.length - 1];
      return last && isBlank(last) ? rs : [...rs, r];
    });
    const last = rows[rows.length - 1];
    setFocus({ key: last && isBlank(last) ? last.key : r.key, col: 'date' });
  };

  const move = (rowIdx: number, colIdx: number, dir: 1 | -1) => {
    let c = colIdx + dir;
    let r = rowIdx;
    if (c >= COLUMNS.length) {
      c = 0;
      r++;
    } else if (c < 0) {
      c = COLUMNS.length - 1;
      r--;
    }
    if (r < 0) return;
    if (r >= rows.length) return addRowAfterLast();
    setFocus({ key: rows[r]!.key, col: COLUMNS[c]! });
  };

  const onReadOnlyKeyDown = (e: React.KeyboardEvent<HTMLInputElement>, rowIdx: number, col: Column) => {
    const colIdx = COLUMNS.indexOf(col);
    const r = rowIdx + (e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0);
    const c = colIdx + (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0);
    if ((r === rowIdx && c === colIdx) || r < 0 || r >= rows.length || c < 0 || c >= COLUMNS.length) return;
    e.preventDefault();
    setFocus({ key: rows[r]!.key, col: COLUMNS[c]! });
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>, rowIdx: number, col: Column) => {
    const row = rows[rowIdx]!;
    const colIdx = COLUMNS.indexOf(col);
    if (
      e.key === 'Tab' &&
      (e.shiftKey ? rowIdx === 0 && colIdx === 0 : rowIdx === rows.length - 1 && colIdx === COLUMNS.length - 1 && isBlank(row))
    ) {
      return; // out of the grid: no keyboard trap
    }
    if ((e.ctrlKey || e.metaKey) && (e.key === 's' || e.key === 'S')) {
      e.preventDefault();
      normalize(row.key, col);
      void save();
    } else if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
      e.preventDefault();
      normalize(row.key, col);
      addRowAfterLast();
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault();
      normalize(row.key, col);
      move(rowIdx, colIdx, e.shiftKey ? -1 : 1);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const r = rowIdx + (e.key === 'ArrowDown' ? 1 : -1);
      if (r < 0 || r >= rows.length) return;
      e.preventDefault();
      normalize(row.key, col);
      setFocus({ key: rows[r]!.key, col });
    }
  };

  const onPaste = (e: React.ClipboardEvent<HTMLInputElement>, rowIdx: number, col: Column) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text.trim())) return;
    e.preventDefault();
    const pasted = parsePasted(text);
    setRows((rs) => {
      const next = applyPaste(rs, rowIdx, col, pasted, year);
      return isBlank(next[next.length - 1]!) ? next : [...next, blankRow()];
    });
    success(`已粘贴${pasted.length}行，请核对后保存`);
  };

  const attach = async (files: FileList | null) => {
    const key = attachTo.current;
    if (!files || !key) return;
    for (const f of Array.from(files)) {
      try {
        const staged = await stageFile(f, 'attachment', cadreId);
        setRows((rs) =>
          rs.map((r) => (r.key === key ? { ...r, pending: [...r.pending, { token: staged.token, name: staged.name }], dirty: true } : r)),
        );
      } catch (err) {
        notifyError(err, `「${f.name}」未能添加`);
      }
    }
  };

  const remove = async (row: DraftRow) => {
    if (row.id === undefined) {
      setRows((rs) => (rs.length > 1 ? rs.filter((r) => r.key !== row.key) : [blankRow()]));
      return;
    }
    try {
      await call('worklog.remove', { id: row.id });
      success('已删除该条日志');
      onSaved();
    } catch (err) {
      notifyError(err);
    }
  };

  const openFile = async (sha256: string) => {
    try {
      const { url } = await call('files.url', { sha256 });
      window.open(url, '_blank', 'noopener');
    } catch (err) {
      notifyError(err);
    }
  };

  // the roving tab stop: the focused cell, else the first cell
  const stopKey = focus && rows.some((r) => r.key === focus.key) ? `${focus.key}:${focus.col}` : `${rows[0]?.key}:${COLUMNS[0]}`;
  const dirtyCount = rowsToSave(rows, year).rows.length;
  useUnsavedGuard(dirtyCount > 0 ? `${dirtyCount} 条工作日志` : null);

  return (
    <>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 6, flexWrap: 'wrap' }}>
        {readOnly ? (
          <span className="wl-hint" data-testid="worklog-readonly">
            {READ_ONLY_HINT}：可查看日志和佐证文件，不能修改。
          </span>
        ) : (
          <Button type="primary" onClick={() => void save()} loading={saving} disabled={!dirtyCount} data-testid="worklog-save">
            保存{dirtyCount ? `（${dirtyCount}条）` : ''}
          </Button>
        )}
        <ExportExcelButton
          fileName={`${cadreName}${year}年工作日志.xlsx`}
          disabled={rows.every(isBlank)}
          sheets={() => [logSheet(`${year}年工作日志`, rows)]}
        />
        <span className="wl-hint" hidden={readOnly}>
          <kbd>Enter</kbd>/<kbd>Tab</kbd> 下一格，<kbd>Ctrl</kbd>+<kbd>Enter</kbd> 新增一行，<kbd>Ctrl</kbd>+<kbd>S</kbd> 保存；日期可写
          3.5、0305；类型可写 Z走访 B帮扶 H会议 X项目 Q其他；可从表格软件复制多行粘贴
        </span>
      </div>
      <div className="wl-table-wrap ob-fill" data-testid="worklog-table">
        <table
          className="wl-table"
          role="grid"
          aria-label="工作日志"
          aria-rowcount={rows.length + 1}
          aria-colcount={COLUMNS.length + 3}
          aria-readonly={readOnly}
        >
          <colgroup>
            <col style={{ width: 34 }} />
            {COLUMNS.map((c) => (
              <col key={c} style={LOG_HEADERS[c].width ? { width: LOG_HEADERS[c].width } : undefined} />
            ))}
            <col style={{ width: 118 }} />
            <col style={{ width: 36 }} />
          </colgroup>
          <thead role="rowgroup">
            <tr role="row" aria-rowindex={1}>
              <th role="columnheader" aria-colindex={1}>
                #
              </th>
              {COLUMNS.map((c, ci) => (
                <th key={c} role="columnheader" aria-colindex={ci + 2}>
                  {LOG_HEADERS[c].label}
                </th>
              ))}
              <th role="columnheader" aria-colindex={COLUMNS.length + 2}>
                佐证
              </th>
              <th role="columnheader" aria-colindex={COLUMNS.length + 3} aria-label="删除" />
            </tr>
          </thead>
          <tbody role="rowgroup">
            {rows.map((r, i) => (
              <tr key={r.key} className={r.dirty ? 'wl-dirty' : undefined} data-testid="worklog-row" role="row" aria-rowindex={i + 2}>
                <td className="wl-num" role="rowheader" aria-colindex={1}>
                  {r.id === undefined && isBlank(r) ? '＋' : i + 1}
                </td>
                {COLUMNS.map((c, ci) => {
                  const problem = cellProblem(c, r.cells[c], year);
                  return (
                    <td key={c} role="gridcell" aria-colindex={ci + 2}>
                      <Tooltip title={problem || undefined} open={problem ? undefined : false}>
                        <input
                          ref={(el) => {
                            if (el) inputs.current.set(`${r.key}:${c}`, el);
                            else inputs.current.delete(`${r.key}:${c}`);
                          }}
                          className={`wl-cell${problem ? ' wl-bad' : ''}`}
                          aria-label={`第${i + 1}行${LOG_HEADERS[c].label}`}
                          value={r.cells[c]}
                          readOnly={readOnly}
                          tabIndex={`${r.key}:${c}` === stopKey ? 0 : -1}
                          placeholder={i === rows.length - 1 ? PLACEHOLDER[c] : undefined}
                          onChange={(e) => edit(r.key, c, e.target.value)}
                          onFocus={() => setFocus({ key: r.key, col: c })}
                          onBlur={readOnly ? undefined : () => normalize(r.key, c)}
                          onKeyDown={(e) => (readOnly ? onReadOnlyKeyDown(e, i, c) : onKeyDown(e, i, c))}
                          onPaste={readOnly ? undefined : (e) => onPaste(e, i, c)}
                        />
                      </Tooltip>
                    </td>
                  );
                })}
                <td role="gridcell" aria-colindex={COLUMNS.length + 2}>
                  <div className="wl-files">
                    {r.files.map((f) => (
                      <Tag
                        key={f.sha256}
                        className="wl-file"
                        closable={!readOnly}
                        onClose={(e) => {
                          e.preventDefault();
                          void call('worklog.removeFile', { entryId: r.id!, sha256: f.sha256 }).then(onSaved, notifyError);
                        }}
                      >
                        <a onClick={() => void openFile(f.sha256)} title={f.originalName}>
                          {f.originalName}
                        </a>
                      </Tag>
                    ))}
                    {r.pending.map((p) => (
                      <Tag key={p.token} color="orange" className="wl-file" title={`${p.name}（待保存）`}>
                        {p.name}
                      </Tag>
                    ))}
                    <Button
                      hidden={readOnly}
                      size="small"
                      type="text"
                      icon={<PaperClipOutlined />}
                      aria-label={`为第${i + 1}行添加佐证文件`}
                      tabIndex={-1}
                      onClick={() => {
                        attachTo.current = r.key;
                        fileInput.current?.click();
                      }}
                    />
                  </div>
                </td>
                <td role="gridcell" aria-colindex={COLUMNS.length + 3}>
                  {readOnly || isBlank(r) ? null : r.id === undefined ? (
                    <Button
                      size="small"
                      type="text"
                      icon={<DeleteOutlined />}
                      tabIndex={-1}
                      aria-label="删除该行"
                      onClick={() => void remove(r)}
                    />
                  ) : (
                    <Popconfirm title="删除这条日志？佐证文件原件仍保留" okText="删除" cancelText="取消" onConfirm={() => void remove(r)}>
                      <Button size="small" type="text" danger icon={<DeleteOutlined />} tabIndex={-1} aria-label="删除该条日志" />
                    </Popconfirm>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        onChange={(e) => {
          void attach(e.target.files);
          e.target.value = '';
        }}
      />
    </>
  );
}
