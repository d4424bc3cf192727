/** Backup and restore over real SQLite and real files, through the CLI and the exchange API. */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupTo } from '../../main/exchange/integrity/backup';
import { describeBackup } from '../../main/exchange/integrity/backupRead';
import { restoreFrom } from '../../main/exchange/integrity/restore';
import { onebagHere } from '../fixtures/cliHere';
import { copySetUpDemo } from '../fixtures/demoFolder';

let tmp: string;
let dataDir: string;
let outDir: string;
/** What the demo folder holds, read from its database (the demo's size is not written here). */
let cadres = 0;
let materials = 0;
let blobs = 0;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-backup-'));
  dataDir = path.join(tmp, 'data');
  outDir = path.join(tmp, 'backups');
  await copySetUpDemo(dataDir); // the demo county with first run complete, prepared once per run
  const db = new Database(path.join(dataDir, 'onebag.sqlite'), { readonly: true });
  cadres = db.prepare('SELECT COUNT(*) FROM cadres').pluck().get() as number;
  materials = db.prepare('SELECT COUNT(*) FROM materials').pluck().get() as number;
  blobs = db.prepare('SELECT COUNT(*) FROM blobs').pluck().get() as number;
  db.close();
}, 600_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Every table's rows, ordered by all columns. */
function dumpTables(dir: string): Record<string, unknown[]> {
  const db = new Database(path.join(dir, 'onebag.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const cols = (db.prepare(`SELECT * FROM "${t}" LIMIT 0`).columns() as unknown[]).length;
      const order = Array.from({ length: cols }, (_, i) => i + 1).join(', ');
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${order}`).all();
    }
    out['#user_version'] = [db.pragma('user_version', { simple: true })];
    return out;
  } finally {
    db.close();
  }
}

const sha = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** blobs/ab/cdef… → SHA-256 of the content, for every original (the store's tmp folder aside). */
function blobHashes(dir: string): Map<string, string> {
  const root = path.join(dir, 'blobs');
  const out = new Map<string, string>();
  for (const d of fs.readdirSync(root)) {
    if (d === 'tmp') continue;
    for (const f of fs.readdirSync(path.join(root, d))) out.set(`${d}/${f}`, sha(path.join(root, d, f)));
  }
  return out;
}

/** Lists every file under dir (relative paths), empty when dir does not exist. */
function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true }) as string[]).filter((p) => fs.statSync(path.join(dir, p)).isFile());
}

describe('onebag backup / restore', () => {
  let firstBackup: string;

  it('backs up through the CLI and restores into an empty data directory with identical rows and originals', async () => {
    const b = await onebagHere(dataDir, ['backup', '--out', outDir]);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('备份完成');
    expect(b.stdout).toContain(`干部 ${cadres} 名，材料 ${materials} 份`);
    firstBackup = /备份完成：(.+)/.exec(b.stdout)![1]!.trim();
    const manifest = JSON.parse(fs.readFileSync(path.join(firstBackup, 'manifest.json'), 'utf8'));
    expect(manifest.producer).toBe('OneBag');
    expect(manifest.database.sha256).toBe(sha(path.join(firstBackup, 'onebag.sqlite')));

    const target = path.join(tmp, 'restored');
    const dry = await onebagHere(target, ['restore', firstBackup, '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`干部：${cadres} 名，材料：${materials} 份`);
    expect(dry.stdout).toContain('未恢复任何数据');
    expect(filesUnder(target)).toEqual([]);

    const r = await onebagHere(target, ['restore', firstBackup]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    // What the backup holds comes first, then the restore.
    expect(r.stdout.indexOf(`干部：${cadres} 名`)).toBeLessThan(r.stdout.indexOf('已恢复到数据目录'));

    expect(dumpTables(target)).toEqual(dumpTables(dataDir));
    const restored = blobHashes(target);
    expect(restored.size).toBe(blobs);
    expect(restored).toEqual(blobHashes(dataDir));
    for (const [rel, hash] of restored) expect(rel.replace('/', '')).toBe(hash);

    const check = await onebagHere(target, ['check']);
    expect(check.code).toBe(0);
  });

  it('a second backup copies no originals again and describes itself', async () => {
    const poolBefore = filesUnder(path.join(outDir, 'blobs')).length;
    const r = await backupTo(dataDir, outDir, new Date(Date.now() + 5_000));
    expect(r.copiedBlobs).toBe(0);
    expect(r.reusedBlobs).toBe(blobs);
    expect(r.missingBlobs).toEqual([]);
    expect(filesUnder(path.join(outDir, 'blobs')).length).toBe(poolBefore);
    const info = describeBackup(outDir); // the backup directory itself: its newest backup
    expect(info.dir).toBe(r.dir);
    expect(info).toMatchObject({ cadres, materials, blobs, missingBlobs: 0 });
    expect(info.size).toBeGreaterThan(0);
  });

  it('refuses a backup with one altered original, naming the file and writing nothing', async () => {
    const copy = path.join(tmp, 'tampered');
    fs.cpSync(outDir, copy, { recursive: true });
    const backupDir = path.join(copy, path.basename(firstBackup));
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    const [victim] = manifest.blobs[3] as [string, number];
    const file = path.join(copy, 'blobs', victim.slice(0, 2), victim.slice(2));
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    fs.writeFileSync(file, bytes);

    const target = path.join(tmp, 'never');
    await expect(restoreFrom(backupDir, target)).rejects.toThrow(`blobs/${victim.slice(0, 2)}/${victim.slice(2)}`);
    const r = await onebagHere(target, ['restore', backupDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未恢复任何内容');
    expect(r.stderr).toContain(`原件 blobs/${victim.slice(0, 2)}/${victim.slice(2)} 已被改动或损坏`);
    expect(filesUnder(target)).toEqual([]);
  });

  it('refuses a backup whose database copy was altered', async () => {
    const copy = path.join(tmp, 'tampered-db');
    fs.cpSync(outDir, copy, { recursive: true });
    const backupDir = path.join(copy, path.basename(firstBackup));
    const dbCopy = path.join(backupDir, 'onebag.sqlite');
    fs.appendFileSync(dbCopy, Buffer.from([0]));
    const target = path.join(tmp, 'never2');
    await expect(restoreFrom(backupDir, target)).rejects.toThrow('数据库副本 onebag.sqlite 已被改动或损坏');
    expect(filesUnder(target)).toEqual([]);
  });

  it('refuses a target that already holds a database, changing nothing there', async () => {
    const before = sha(path.join(dataDir, 'onebag.sqlite'));
    const r = await onebagHere(dataDir, ['restore', firstBackup]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('目标数据目录已有数据');
    expect(r.stderr).toContain('不含 onebag.sqlite 的空数据目录');
    await expect(restoreFrom(firstBackup, dataDir, { dryRun: true })).rejects.toThrow('目标数据目录已有数据');
    expect(sha(path.join(dataDir, 'onebag.sqlite'))).toBe(before);
  });

  it('explains a folder that is not a backup, and a missing --out', async () => {
    const r = await onebagHere(path.join(tmp, 'x'), ['restore', path.join(tmp, 'nothing-here')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('不是 OneBag 备份目录');
    const u = await onebagHere(dataDir, ['backup']);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('--out');
  });
});
