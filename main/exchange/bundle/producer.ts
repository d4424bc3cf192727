/** Who wrote a bundle: the app's version (from package.json) and its newest schema version. */
import fs from 'node:fs';
import path from 'node:path';
import { latestVersion } from '../../store/migrations';

let cached: string | null = null;

/** The nearest package.json named onebag above this file; works from a checkout and from the packaged app. */
export function appVersion(): string {
  if (cached) return cached;
  cached = '0.0.0';
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'onebag' && pkg.version) {
        cached = pkg.version;
        break;
      }
    } catch {
      // no package.json here
    }
    if (path.dirname(dir) === dir) break;
  }
  return cached;
}

export const producer = () => ({ app: 'OneBag' as const, version: appVersion(), schemaVersion: latestVersion });
