/**
 * What a refused attack must leave unchanged: every file of the data folder by path, size and
 * SHA-256 (the database, its WAL, the blobs, staging). SQLite's shared-memory index (-shm) is
 * left out: readers rewrite it without changing any data.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function folderState(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isDirectory()) {
        out.push(`${rel}/`);
        walk(p);
      } else if (!e.name.endsWith('-shm')) {
        const sha = crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
        out.push(`${rel} ${fs.statSync(p).size} ${sha}`);
      }
    }
  };
  walk(dir);
  return out;
}
