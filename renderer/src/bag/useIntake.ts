import { useCallback, useRef, useState } from 'react';
import { ClientError, call, errorMessage, stageFile } from '../api/client';
import type { CadreListRow } from '../../../shared/domain';
import {
  applyPageSuggestion,
  guessCadre,
  nameSaysLittle,
  rowFromStaged,
  suggestResponsible,
  type IntakeProgress,
  type IntakeRow,
  type RefusedFile,
} from './intake';

/** Whose bag the files go to: one cadre (with the 责任者 suggested from the posting), or a batch over many. */
export type IntakeTarget = { cadreId: number; responsible: string } | { cadres: readonly CadreListRow[] };

/** The cadre and 责任者 a file starts with: the one bag, or the cadre its name names in a batch. */
export function defaultsFor(target: IntakeTarget, fileName: string): { cadreId: number | null; responsible: string } {
  if ('cadreId' in target) return target;
  const id = guessCadre(fileName, target.cadres);
  const c = id === null ? undefined : target.cadres.find((x) => x.id === id);
  return { cadreId: id, responsible: c ? suggestResponsible(c) : '' };
}

/** Files taken in for filing: what useIntake gives IntakeDialog. */
export type Intake = ReturnType<typeof useIntake>;

/** Uploads dropped/picked files one by one into staging and collects rows and refusals. */
export function useIntake(target: IntakeTarget) {
  const cadreId = 'cadreId' in target ? target.cadreId : undefined;
  const [open, setOpen] = useState(false);
  const [rows, setRows] = useState<IntakeRow[]>([]);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const [progress, setProgress] = useState<IntakeProgress | null>(null);
  const busy = useRef(false);

  const addFiles = useCallback(
    async (files: File[]) => {
      if (files.length === 0 || busy.current) return;
      busy.current = true;
      setOpen(true);
      setRefused([]);
      setProgress({ done: 0, total: files.length, current: files[0]!.name });
      for (let i = 0; i < files.length; i++) {
        const f = files[i]!;
        setProgress({ done: i, total: files.length, current: f.name });
        try {
          const staged = await stageFile(f, 'attachment', cadreId);
          setRows((rs) => [...rs, rowFromStaged(staged, defaultsFor(target, staged.name))]);
          if (nameSaysLittle(staged.name)) {
            // Read the first page in the background; the row is usable meanwhile.
            void call('ocr.suggest', { token: staged.token }).then(
              (s) => s && setRows((rs) => rs.map((r) => (r.key === staged.token ? applyPageSuggestion(r, staged.suggestion, s) : r))),
              () => undefined,
            );
          }
        } catch (err) {
          const reason = err instanceof ClientError ? err.message : errorMessage(err);
          setRefused((rs) => [...rs, { name: f.name, reason }]);
        }
      }
      setProgress({ done: files.length, total: files.length, current: null });
      busy.current = false;
    },
    [cadreId, target],
  );

  /** Cancels the intake: staged files are discarded in main. */
  const cancel = useCallback(() => {
    for (const r of rows) for (const f of r.files) void call('staging.discard', { token: f.token }).catch(() => undefined);
    setRows([]);
    setRefused([]);
    setProgress(null);
    setOpen(false);
  }, [rows]);

  const close = useCallback(() => {
    setRows([]);
    setRefused([]);
    setProgress(null);
    setOpen(false);
  }, []);

  return { open, rows, setRows, refused, progress, addFiles, cancel, close };
}
