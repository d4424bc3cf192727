/**
 * A tiny command bus for global shortcuts: the shell fires commands, the screen that owns
 * them (e.g. the open bag for "add material") listens.
 */
export type Command = 'search' | 'newCadre' | 'importRoster' | 'addMaterial';

const listeners = new Map<Command, Set<() => void>>();

export function onCommand(cmd: Command, fn: () => void): () => void {
  let set = listeners.get(cmd);
  if (!set) listeners.set(cmd, (set = new Set()));
  set.add(fn);
  return () => set.delete(fn);
}

/** Returns true when someone handled the command. */
export function fireCommand(cmd: Command): boolean {
  const set = listeners.get(cmd);
  if (!set || set.size === 0) return false;
  // The most recently mounted listener wins (the innermost screen).
  const last = [...set].at(-1);
  last?.();
  return true;
}
