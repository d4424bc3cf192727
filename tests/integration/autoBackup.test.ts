/** Automatic backups (<data>/backups): before migrations, before imports, retention, the schedule. */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../shared/api';
import { startBackupSchedule } from '../../main/api/backupSchedule';
import { openCore } from '../../main/api/open';
import { recordBlob } from '../../main/core/blobs/rows';
import { autoBackup, autoBackupState, backupsDirOf, lastBackupAt, pruneBackups } from '../../main/exchange/integrity/autoBackup';
import { readManifest } from '../../main/exchange/integrity/backupRead';
import { restoreFrom } from '../../main/exchange/integrity/restore';
import { listBackups } from '../../main/exchange/integrity/backupList';
import { setBackupIntervalHours } from '../../main/exchange/integrity/backupSettings';
import { BlobStore } from '../../main/files/blobStore';
import { openDatabase, schemaVersion } from '../../main/store/db';
import { latestVersion } from '../../main/store/migrations';
import { copySetUpDemo } from '../fixtures/demoFolder';

let tmp: string;
let demoDir: string;
const dir = (name: string) => path.join(tmp, name);
const poolFile = (dataDir: string, sha: string) => path.join(backupsDirOf(dataDir), 'blobs', sha.slice(0, 2), sha.slice(2));
const blobFile = (dataDir: string, sha: string) => path.join(dataDir, 'blobs', sha.slice(0, 2), sha.slice(2));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-autobackup-'));
  demoDir = dir('demo');
  await copySetUpDemo(demoDir); // the demo county with first run complete, prepared once per run
}, 600_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('before a migration', () => {
  it('backs up a database of the previous version before migrating it, and that backup restores', async () => {
    const data = dir('old');
    const db = openDatabase(data, { migrateTo: latestVersion - 1 });
    const store = new BlobStore(data);
    const src = path.join(tmp, 'note.txt');
    fs.writeFileSync(src, '驻村工作日志 2024-03-01');
    const { sha256, size } = await store.put(src);
    recordBlob(db, sha256, size, { kind: 'text', mime: 'text/plain', pageCount: null, width: null, height: null, orientation: null });
    db.prepare("INSERT INTO settings (key, value) VALUES ('operator', '王丽')").run();
    db.close();
    expect(fs.existsSync(backupsDirOf(data))).toBe(false);

    const reopened = openDatabase(data);
    expect(schemaVersion(reopened)).toBe(latestVersion);
    reopened.close();
    const backups = listBackups(backupsDirOf(data));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ reason: 'migration', schemaVersion: latestVersion - 1, blobs: 1, missingBlobs: 0 });
    // the original is linked into the pool, not copied: same file on disk
    expect(fs.statSync(poolFile(data, sha256)).ino).toBe(fs.statSync(blobFile(data, sha256)).ino);

    // opening again migrates nothing and backs up nothing
    openDatabase(data).close();
    expect(listBackups(backupsDirOf(data))).toHaveLength(1);

    const target = dir('old-restored');
    await restoreFrom(backups[0]!.dir, target);
    const raw = new Database(path.join(target, 'onebag.sqlite'), { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(latestVersion - 1);
    expect(raw.prepare("SELECT value FROM settings WHERE key = 'operator'").pluck().get()).toBe('王丽');
    raw.close();
    expect(fs.readFileSync(blobFile(target, sha256), 'utf8')).toBe('驻村工作日志 2024-03-01');
    const restored = openDatabase(target);
    expect(schemaVersion(restored)).toBe(latestVersion);
    restored.close();
  });

  it('takes no backup of a brand-new data directory', () => {
    const data = dir('fresh');
    openDatabase(data).close();
    expect(listBackups(backupsDirOf(data))).toEqual([]);
  });
});

describe('autoBackup', () => {
  it('skips a database that holds nothing yet', async () => {
    const data = dir('empty');
    openDatabase(data).close();
    expect(await autoBackup(data, 'import')).toBeNull();
    expect(await autoBackup(dir('no-such-dir'), 'schedule')).toBeNull();
    expect(lastBackupAt(data)).toBeNull();
  });

  it('records the reason, links originals and copies nothing the second time', async () => {
    // The demo's own import of its second county left a backup (main/demo/demoSecondCounty.ts);
    // the prepared folder's copy holds it as plain copies, not links: start without it.
    fs.rmSync(backupsDirOf(demoDir), { recursive: true, force: true });
    const first = await autoBackup(demoDir, 'import');
    expect(first).not.toBeNull();
    const m = readManifest(first!.dir);
    expect(m.reason).toBe('import');
    const db = new Database(path.join(demoDir, 'onebag.sqlite'), { readonly: true });
    const materials = db.prepare('SELECT COUNT(*) FROM materials').pluck().get() as number;
    const cadres = db.prepare('SELECT COUNT(*) FROM cadres').pluck().get() as number;
    db.close();
    expect(m.counts).toMatchObject({ cadres, materials });
    expect(first!.missingBlobs).toEqual([]);
    const [sha] = m.blobs[0]!;
    expect(fs.statSync(poolFile(demoDir, sha)).ino).toBe(fs.statSync(blobFile(demoDir, sha)).ino);
    // Hard links are reported as such, not as new copies ("新复制原件 N 个" counts only copies).
    expect([first!.copiedBlobs, first!.linkedBlobs, first!.copiedBytes]).toEqual([0, m.blobs.length, 0]);

    const second = await autoBackup(demoDir, 'manual');
    expect(second!.copiedBlobs).toBe(0);
    expect(second!.reusedBlobs).toBe(m.blobs.length);
    expect(listBackups(backupsDirOf(demoDir)).map((b) => b.reason)).toEqual(['manual', 'import']);
    expect(lastBackupAt(demoDir)).toBe(second!.info.createdAt);
  });

  it("runs one backup at a time, even when asked twice at once, and breaks a dead process's lock", async () => {
    fs.writeFileSync(path.join(backupsDirOf(demoDir), '.lock'), '999999');
    const [a, b] = await Promise.all([autoBackup(demoDir, 'schedule'), autoBackup(demoDir, 'schedule')]);
    expect(a!.dir).not.toBe(b!.dir);
    expect(fs.existsSync(path.join(backupsDirOf(demoDir), '.lock'))).toBe(false);
  });

  it('keeps the newest 10 of each reason and drops pool originals no backup lists', async () => {
    const out = backupsDirOf(demoDir);
    const stray = poolFile(demoDir, 'ab'.repeat(32));
    fs.mkdirSync(path.dirname(stray), { recursive: true });
    fs.writeFileSync(stray, 'left by a deleted backup');
    // the demo's own import of its second county left one too (main/demo/demoSecondCounty.ts)
    const imports = listBackups(out).filter((b) => b.reason === 'import').length;
    for (let i = 0; i < 10; i++) await autoBackup(demoDir, 'schedule');
    const left = listBackups(out);
    expect(left.filter((b) => b.reason === 'schedule')).toHaveLength(10);
    expect(left.filter((b) => b.reason === 'import')).toHaveLength(imports);
    expect(fs.existsSync(stray)).toBe(false);
    // the oldest kept backup still restores: pruning removed nothing it needs
    const oldest = left[left.length - 1]!;
    await restoreFrom(oldest.dir, dir('restored-oldest'), { dryRun: true });
    expect((await pruneBackups(out)).removed).toEqual([]);
  });
});

describe('the schedule', () => {
  it('backs up when the newest backup is older than the interval, not otherwise, and never when off', async () => {
    const data = dir('scheduled');
    fs.cpSync(demoDir, data, { recursive: true, filter: (p) => !p.includes(`${path.sep}backups`) });
    const events: ProgressEvent[] = [];
    const core = openCore({ dataDir: data, host: { kind: 'cli', blobUrl: () => '', progress: (e) => events.push(e) } });
    let clock = Date.now();
    const schedule = startBackupSchedule(core, { now: () => clock });
    try {
      await schedule.tick(); // the start-up check already ran: the first tick waits for it
      expect(listBackups(backupsDirOf(data)).map((b) => b.reason)).toEqual(['schedule']);
      await schedule.tick();
      expect(listBackups(backupsDirOf(data))).toHaveLength(1);
      clock += 25 * 3_600_000;
      await schedule.tick();
      expect(listBackups(backupsDirOf(data))).toHaveLength(2);
      setBackupIntervalHours(core.ctx.db, 0);
      clock += 100 * 3_600_000;
      await schedule.tick();
      expect(listBackups(backupsDirOf(data))).toHaveLength(2);

      // a failure is reported, not thrown: the backups folder replaced by a file
      setBackupIntervalHours(core.ctx.db, 1);
      fs.rmSync(backupsDirOf(data), { recursive: true });
      fs.writeFileSync(backupsDirOf(data), 'not a folder');
      await schedule.tick();
      expect(autoBackupState(data).lastError).toMatch(/备份/);
      expect(events.at(-1)).toMatchObject({ jobId: 'auto-backup', finished: true });
      expect(events.at(-1)!.label).toMatch(/备份/);
    } finally {
      schedule.stop();
      core.close();
    }
  });
});
