import { useState } from 'react';
import { call, errorMessage, stageFile } from '../api/client';
import { useNotify } from '../util/notify';

/** Where a staged spreadsheet import stands: choose a file → reading → preview → done. */
export type ImportStep<P, R> =
  | { kind: 'choose' }
  | { kind: 'reading'; name: string }
  | { kind: 'preview'; name: string; token: string; preview: P }
  | { kind: 'done'; result: R };

export interface StagedImportOptions<P, R> {
  /** What importing the staged file would do (changes nothing). */
  preview: (token: string) => Promise<P>;
  /** Applies the staged file. */
  commit: (token: string) => Promise<R>;
  /** Why the file is refused before it is uploaded, or null to go ahead. */
  refuse?: (file: File) => string | null;
  /** Toast title when committing fails, e.g. 导入未完成. */
  commitFailed: string;
  /** After a successful import (the dialog stays on its result until closed). */
  onImported: () => void;
  onClose: () => void;
}

export interface StagedImport<P, R> {
  step: ImportStep<P, R>;
  error: string | null;
  committing: boolean;
  /** Stages the file (as it is, purpose 'roster') and asks for its preview. */
  read: (file: File) => Promise<void>;
  commit: () => Promise<void>;
  /** Back to choosing a file; the staged one is discarded. */
  reset: () => void;
  /** reset() and close the dialog. */
  close: () => void;
}

/**
 * The choose → preview → confirm flow of a spreadsheet import: the file is staged in main,
 * previewed, and applied only when the clerk confirms; going back or closing discards it.
 */
export function useStagedImport<P, R>(opts: StagedImportOptions<P, R>): StagedImport<P, R> {
  const [step, setStep] = useState<ImportStep<P, R>>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const [committing, setCommitting] = useState(false);
  const { notifyError } = useNotify();

  const reset = () => {
    if (step.kind === 'preview') void call('staging.discard', { token: step.token }).catch(() => undefined);
    setStep({ kind: 'choose' });
    setError(null);
  };
  const close = () => {
    reset();
    opts.onClose();
  };

  const read = async (file: File) => {
    setError(null);
    const refused = opts.refuse?.(file) ?? null;
    if (refused) {
      setError(refused);
      return;
    }
    setStep({ kind: 'reading', name: file.name });
    try {
      // 'roster' keeps the file as it is for reading (no attachment inspection)
      const staged = await stageFile(file, 'roster');
      const preview = await opts.preview(staged.token);
      setStep({ kind: 'preview', name: file.name, token: staged.token, preview });
    } catch (err) {
      setError(errorMessage(err));
      setStep({ kind: 'choose' });
    }
  };

  const commit = async () => {
    if (step.kind !== 'preview') return;
    setCommitting(true);
    try {
      const result = await opts.commit(step.token);
      setStep({ kind: 'done', result });
      opts.onImported();
    } catch (err) {
      setError(errorMessage(err));
      notifyError(err, opts.commitFailed);
    } finally {
      setCommitting(false);
    }
  };

  return { step, error, committing, read, commit, reset, close };
}
