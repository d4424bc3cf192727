import path from 'node:path';

/** The folder named by `--data DIR` / `--data=DIR` (the last one wins), or undefined. */
export function dataDirFromArgs(argv: readonly string[]): string | undefined {
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
  return fromArgs?.trim() || undefined;
}

/** The folder named by the ONEBAG_DATA environment variable, or undefined. */
export function dataDirFromEnv(env: NodeJS.ProcessEnv): string | undefined {
  return env.ONEBAG_DATA?.trim() || undefined;
}

/**
 * Where the data lives: `--data DIR` / `--data=DIR` on the command line wins, then the
 * ONEBAG_DATA environment variable, then `defaultDir`. Always returned as an absolute path.
 */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, defaultDir: string): string {
  return path.resolve(dataDirFromArgs(argv) ?? dataDirFromEnv(env) ?? defaultDir);
}

/** The per-user default data directory for the current operating system. */
export function defaultDataDir(home: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), 'OneBag');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'OneBag');
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), 'onebag');
}
