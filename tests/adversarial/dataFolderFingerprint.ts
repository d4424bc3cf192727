/**
 * A fingerprint of a OneBag data folder for "a refused attack changed nothing" assertions:
 * the SHA-256 of the database's content (schema incl. triggers, then every table's rows,
 * sorted, read through a separate read-only connection) and the listing of every other file
 * (relative path, size and SHA-256) — originals, backups, keys, anything. Shared by the
 * adversarial suites (exchange*, intake*); compare two fingerprints with toEqual.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DB_FILE } from '../../main/store/db';

export interface DataFolderFingerprint {
  /** SHA-256 of the database's schema and rows. */
  database: string;
  /** "relative/path size sha256" of every file except the database and its WAL/SHM, sorted. */
  files: string[];
}

const DB_FILES = new Set([DB_FILE, `${DB_FILE}-wal`, `${DB_FILE}-shm`, `${DB_FILE}-journal`]);

const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/** A cell as stable text (Buffers as hex, so BLOB columns compare by content). */
function cellText(v: unknown): unknown {
  return Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v;
}

export function databaseDigest(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const hash = crypto.createHash('sha256');
    const schema = db.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`).all() as Array<{
      type: string;
      name: string;
      sql: string | null;
    }>;
    hash.update(JSON.stringify(schema));
    for (const t of schema) {
      if (t.type !== 'table' || t.name.startsWith('sqlite_')) continue;
      const rows = (
        db
          .prepare(`SELECT * FROM "${t.name.replace(/"/g, '""')}"`)
          .raw()
          .all() as unknown[][]
      ).map((r) => JSON.stringify(r.map(cellText)));
      rows.sort();
      hash.update(`\u0000${t.name}\u0000${rows.length}\u0000`);
      for (const r of rows) hash.update(`${r}\n`);
    }
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

function listFiles(root: string, dir = root, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    const rel = path.relative(root, p).split(path.sep).join('/');
    if (e.isDirectory()) listFiles(root, p, out);
    else if (dir === root && DB_FILES.has(e.name)) continue;
    else if (e.isFile()) out.push(`${rel} ${fs.statSync(p).size} ${sha256(fs.readFileSync(p))}`);
    else out.push(`${rel} (${e.isSymbolicLink() ? 'symlink' : 'special'})`);
  }
  return out;
}

export function dataFolderFingerprint(dataDir: string): DataFolderFingerprint {
  return { database: databaseDigest(path.join(dataDir, DB_FILE)), files: listFiles(dataDir).sort() };
}
