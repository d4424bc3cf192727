/** A data folder with one cadre, and `onebag` run in-process (the real CLI entry) with its output captured. */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../main/store/db';
import { onebagLines } from '../fixtures/cliHere';

export const CADRE_ID = '110101199003070015';

export function dataFolderWithCadre(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openDatabase(dataDir);
  db.prepare(
    `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
     VALUES ('张三', '男', ?, '中共党员', '县级', '村党组织第一书记', 'x', 'x')`,
  ).run(CADRE_ID);
  db.close();
}

export const onebag = (dataDir: string, ...args: string[]) => onebagLines(dataDir, args);

export const attach = (dataDir: string, ...files: string[]) =>
  onebag(dataDir, 'attach', '--cadre', CADRE_ID, '--category', '其他佐证材料', '--title', '佐证', '--date', '2025-03-01', ...files);

export const materialCount = (dataDir: string): number => {
  const db = openDatabase(dataDir);
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM materials').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

export const blobNames = (dataDir: string): string[] =>
  (fs.readdirSync(path.join(dataDir, 'blobs'), { recursive: true }) as string[]).filter((f) => !f.startsWith('tmp')).sort();
