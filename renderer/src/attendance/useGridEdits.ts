/**
 * Sends cell edits to main one call at a time and keeps undo/redo stacks built from the
 * `undo` payload attendance.setCells returns (see main/core/attendance/grid.ts). A refused
 * call (e.g. a certified month) changes nothing and leaves the stacks as they were.
 */
import { useCallback, useRef, useState } from 'react';
import type { CellEditInput, GridRow } from '../../../shared/api/attendance';
import { call } from '../api/client';
import { useUnsavedGuard } from '../common/useUnsavedGuard';

interface Step {
  redo: CellEditInput[];
  undo: CellEditInput[];
}

export function useGridEdits(
  townshipId: number | undefined,
  month: string,
  onRows: (rows: GridRow[]) => void,
  onError: (err: unknown) => void,
) {
  const key = `${townshipId}|${month}`;
  // Stacks belong to one township month; switching months starts them afresh.
  const stacks = useRef({ key, undo: [] as Step[], redo: [] as Step[] });
  const queue = useRef<Promise<void>>(Promise.resolve());
  // Each edit is saved at once; while a save is still on its way, leaving would lose it.
  const [inFlight, setInFlight] = useState(0);
  useUnsavedGuard(inFlight > 0 ? '考勤表正在保存的修改' : null);
  const [sizes, setSizes] = useState({ key, undo: 0, redo: 0 });
  const current = useCallback(() => {
    if (stacks.current.key !== key) stacks.current = { key, undo: [], redo: [] };
    return stacks.current;
  }, [key]);
  const bump = useCallback(() => setSizes({ key, undo: current().undo.length, redo: current().redo.length }), [key, current]);

  /** Runs one setCells call after the previous one, so edits land in the order typed; null when refused. */
  const send = useCallback(
    (edits: CellEditInput[]): Promise<CellEditInput[] | null> => {
      if (townshipId === undefined || edits.length === 0) return Promise.resolve(null);
      setInFlight((n) => n + 1);
      const run = queue.current.then(async () => {
        try {
          const res = await call('attendance.setCells', { townshipId, month, edits });
          if (res.rows.length) onRows(res.rows);
          return res.undo;
        } catch (err) {
          onError(err);
          return null;
        } finally {
          setInFlight((n) => n - 1);
        }
      });
      queue.current = run.then(() => undefined);
      return run;
    },
    [townshipId, month, onRows, onError],
  );

  const apply = useCallback(
    async (edits: CellEditInput[]) => {
      const undo = await send(edits);
      if (undo && undo.length) {
        current().undo.push({ redo: edits, undo });
        current().redo = [];
      }
      bump();
    },
    [send, current, bump],
  );

  /**
   * Sends the top step of the undo (or redo) stack and moves it to the other stack; a refused
   * one goes back on its own stack (e.g. the month was certified meanwhile).
   */
  const replay = useCallback(
    async (from: 'undo' | 'redo') => {
      const st = current();
      const step = st[from].pop();
      if (!step) return;
      const again = await send(step[from]);
      if (again) st[from === 'undo' ? 'redo' : 'undo'].push({ redo: step.redo, undo: again });
      else st[from].push(step);
      bump();
    },
    [send, current, bump],
  );
  const undo = useCallback(() => replay('undo'), [replay]);
  const redo = useCallback(() => replay('redo'), [replay]);

  const mine = sizes.key === key;
  return { apply, undo, redo, canUndo: mine && sizes.undo > 0, canRedo: mine && sizes.redo > 0 };
}
