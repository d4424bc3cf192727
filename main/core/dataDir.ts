import path from 'node:path';

/**
 * Where the data lives: `--data DIR` / `--data=DIR` on the command line wins, then the
 * ONEBAG_DATA environment variable, then `defaultDir`. Always returned as an absolute path.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDir: string): string {
  let fromArgs: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data' && i + 1 < argv.length) {
      fromArgs = argv[i + 1];
      i++;
    } else if (a.startsWith('--data=')) {
      fromArgs = a.slice('--data='.length);
    }
  }
  const chosen = (fromArgs && fromArgs.trim()) || (env.ONEBAG_DATA && env.ONEBAG_DATA.trim()) || defaultDir;
  return path.resolve(chosen);
}

/** The per-user default data directory for the current operating system. */
export function defaultDataDir(home: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'OneBag');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'OneBag');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'onebag');
}
