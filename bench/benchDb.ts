/** A bench's archive: a fresh real SQLite file in a temp folder, closed and removed after the run. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../main/store/db';

export async function withBenchDb<T>(tag: string, run: (db: Db) => T | Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `onebag-bench-${tag}-`));
  const db = openDatabase(dir);
  try {
    return await run(db);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
