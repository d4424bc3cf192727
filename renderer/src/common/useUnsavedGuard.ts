/**
 * Nothing lost unsaved. An editor with unsaved edits registers what is pending
 * (`useUnsavedGuard('3 格分数')`); while anything is registered, leaving asks first:
 * navigation between pages (AppState.navigate), tab switches inside a page (useConfirmLeave),
 * and closing or reloading the window (beforeunload; Electron shows its own dialog for it,
 * main/app/main.ts).
 */
import { App } from 'antd';
import { useCallback, useEffect, useRef } from 'react';

const pending = new Map<symbol, string>();

/** Descriptions of every unsaved edit on screen, e.g. ["3 格分数", "考核方案"]. */
export function unsavedEdits(): string[] {
  return [...pending.values()];
}

/**
 * Registers `what` as unsaved while it is a non-empty string; null or '' means all saved.
 * Returns `release()`, which forgets the entry at once: call it right after a successful save
 * when the next step navigates away in the same tick (state updates land only on re-render).
 */
export function useUnsavedGuard(what: string | null | false | undefined): () => void {
  const key = useRef<symbol | null>(null);
  useEffect(() => {
    if (!what) return;
    const k = Symbol(what);
    key.current = k;
    pending.set(k, what);
    return () => {
      pending.delete(k);
      if (key.current === k) key.current = null;
    };
  }, [what]);
  return useCallback(() => {
    if (key.current) pending.delete(key.current);
  }, []);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (e) => {
    if (pending.size === 0) return;
    e.preventDefault();
    // Chromium still wants returnValue set to show its "leave site?" dialog.
    e.returnValue = '';
  });
}

/** Resolves true when nothing is unsaved or the clerk chose to discard; false to stay. */
export function useConfirmLeave(): () => Promise<boolean> {
  const { modal } = App.useApp();
  return useCallback(() => {
    const list = unsavedEdits();
    if (list.length === 0) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      modal.confirm({
        title: '有未保存的修改',
        content: `${list.join('、')}尚未保存。离开后这些修改将丢失。`,
        okText: '放弃修改并离开',
        okButtonProps: { danger: true, 'data-testid': 'unsaved-leave' },
        cancelText: '留在此页',
        cancelButtonProps: { 'data-testid': 'unsaved-stay' },
        onOk: () => resolve(true),
        onCancel: () => resolve(false),
      });
    });
  }, [modal]);
}
