import { useEffect } from 'react';
import { fireCommand, type Command } from '../app/commands';

const KEYS: Record<string, Command> = { k: 'search', n: 'newCadre', i: 'importRoster', o: 'addMaterial' };

/** Global Ctrl/⌘ shortcuts; Esc is left to antd's modals and drawers. */
export function useShortcuts(onUnhandled: (cmd: Command) => void) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      const cmd = KEYS[e.key.toLowerCase()];
      if (!cmd) return;
      e.preventDefault();
      if (!fireCommand(cmd)) onUnhandled(cmd);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onUnhandled]);
}
