/**
 * Backups as witnesses of the audit log: someone who deletes or rewrites entries with sqlite3
 * AND recomputes the whole chain and the in-database anchor passes the chain check, but not
 * the heads that earlier backups recorded. Real data directories, real backups, a second
 * better-sqlite3 connection for the tampering, and the real `onebag check --json`.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, verifyChain } from '../../main/core/audit/log';
import { entryHash, GENESIS, type ChainRow } from '../../main/core/audit/chain';
import { createCadre, updateCadre } from '../../main/core/cadres/cadres';
import { setSetting } from '../../main/core/runtime/settings';
import { autoBackup, backupsDirOf } from '../../main/exchange/integrity/autoBackup';
import { backupTo } from '../../main/exchange/integrity/backup';
import { readManifest } from '../../main/exchange/integrity/backupRead';
import { restoreFrom } from '../../main/exchange/integrity/restore';
import { listBackups } from '../../main/exchange/integrity/backupList';
import { openDatabase } from '../../main/store/db';
import { cadreInput } from '../fixtures/cadreInput';
import { writeAuditedChanges } from '../fixtures/auditedFolder';
import { copyFolder } from '../fixtures/folderCopy';
import { onebagHere } from '../fixtures/cliHere';
import { makeIdNumber } from '../fixtures/makeRoster';
import { dateLabel, isoDateOf } from '../../shared/dates';

let tmp: string;
/** A data directory: 9 audited changes, an automatic backup (head 9), then 3 more changes. */
let base: string;
/** The same data backed up with `backup --out` to a "USB stick" at head 9. */
let usb: string;

const cadre = cadreInput;

const copy = () => copyFolder(base, tmp);

/**
 * What a careful attacker does with sqlite3: drop the append-only triggers, run `sql`, recompute
 * every entry's prev_hash and hash and the anchor in settings, and put the triggers back.
 */
function tamperAndRechain(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'onebag.sqlite'));
  try {
    const triggers = db
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
      .pluck()
      .all() as string[];
    expect(triggers).toHaveLength(2);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(sql);
    const rows = db
      .prepare('SELECT id, at, operator, action, entity, entity_id, detail, before, after FROM audit_log ORDER BY id')
      .all() as ChainRow[];
    const set = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS;
    for (const r of rows) {
      const hash = entryHash(prev, r);
      set.run(prev, hash, r.id);
      prev = hash;
    }
    db.prepare("UPDATE settings SET value = ? WHERE key = 'auditHead'").run(JSON.stringify({ id: rows[rows.length - 1]!.id, hash: prev }));
    for (const t of triggers) db.exec(t);
    // the in-database check alone is fooled
    expect(verifyChain(db)).toMatchObject({ ok: true });
  } finally {
    db.close();
  }
}

interface CheckJson {
  ok: boolean;
  errors: number;
  findings: Array<{ kind: string; severity: string; message: string; advice: string; auditId?: number }>;
}
async function check(dir: string, extra: string[] = []): Promise<{ code: number | null; json: CheckJson; stderr: string }> {
  const r = await onebagHere(dir, ['check', '--json', ...extra]);
  return { code: r.code, json: r.stdout ? (JSON.parse(r.stdout) as CheckJson) : ({} as CheckJson), stderr: r.stderr };
}

/** The backup's local day as the finding prints it: 2025年3月7日. */
const localDay = (iso: string) => dateLabel(isoDateOf(new Date(iso)));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-witness-'));
  base = path.join(tmp, 'base');
  usb = path.join(tmp, 'usb');
  const db = openDatabase(base);
  try {
    writeAuditedChanges(db);
    expect((db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m).toBe(9);
  } finally {
    db.close();
  }
  expect(await autoBackup(base, 'schedule')).not.toBeNull();
  await backupTo(base, usb);
  const db2 = openDatabase(base);
  try {
    setSetting(db2, 'operator', '组织部李干事');
    const c = createCadre(db2, cadre({ name: '王五', idNumber: makeIdNumber('130702', '1988-02-02', 3, true) }), null);
    updateCadre(db2, c.id, cadre({ name: '王五', idNumber: makeIdNumber('130702', '1988-02-02', 3, true), phone: '13700000000' }));
    audit(db2, 'update', 'cadre', c.id, { note: '补录' });
    // 9 + the department key the first signed backup created + these 3
    expect((db2.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number }).m).toBe(13);
  } finally {
    db2.close();
  }
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('backups record the audit head', () => {
  it('every backup manifest holds the head of its own database copy', () => {
    const [own] = listBackups(backupsDirOf(base));
    const m = readManifest(own!.dir);
    const copyDb = new Database(path.join(own!.dir, 'onebag.sqlite'), { readonly: true });
    try {
      const last = copyDb.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string };
      // 9 entries + the department key the first signed backup created
      expect(m.auditHead).toEqual({ id: 10, hash: last.hash, count: 10 });
    } finally {
      copyDb.close();
    }
    expect(readManifest(listBackups(usb)[0]!.dir).auditHead).toEqual(m.auditHead);
  });

  it('the backup taken before a migration records the head too', () => {
    const dir = path.join(tmp, 'old');
    const db = openDatabase(dir, { migrateTo: 7 });
    try {
      setSetting(db, 'operator', '组织部王干事');
      audit(db, 'create', 'county', 1, { name: '蒲县' });
      audit(db, 'create', 'township', 1, { name: '城关镇' });
    } finally {
      db.close();
    }
    openDatabase(dir).close();
    const [b] = listBackups(backupsDirOf(dir));
    expect(b).toMatchObject({ reason: 'migration', schemaVersion: 7 });
    const head = readManifest(b!.dir).auditHead;
    expect(head).toMatchObject({ id: 2, count: 2 });
    expect(head!.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a manifest edited after signing (here: its head removed) is refused by restore', async () => {
    const dir = copy();
    const [own] = listBackups(backupsDirOf(dir));
    const file = path.join(own!.dir, 'manifest.json');
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete m.auditHead;
    fs.writeFileSync(file, JSON.stringify(m));
    expect(readManifest(own!.dir).auditHead).toBeUndefined();
    // Backup manifests are signed by the department key (issue 12): an edited one is not trusted.
    await expect(restoreFrom(own!.dir, path.join(tmp, 'restored'), { dryRun: true })).rejects.toThrow(/[\u4e00-\u9fa5]/);
  });
});

describe('onebag check against the backups', () => {
  it('an untampered data directory with backups checks clean: exit 0', async () => {
    const r = await check(base, ['--witness', usb]);
    expect(r.json.findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  it('catches the tail cut below the backup head with the chain and anchor recomputed: exit 1', async () => {
    const dir = copy();
    tamperAndRechain(dir, 'DELETE FROM audit_log WHERE id >= 8');
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    // the chain and anchor are consistent, so only the backup tells
    expect(r.json.findings.map((f) => f.kind)).toEqual(['audit-witness-mismatch']);
    const f = r.json.findings[0]!;
    const [own] = listBackups(backupsDirOf(dir));
    expect(f).toMatchObject({ severity: 'error', auditId: 8 });
    expect(f.message).toContain(
      `审计日志与 ${localDay(own!.createdAt)} 的备份记录不一致：第 8 条至第 10 条已不在日志中（备份时日志共 10 条，现在只到第 7 条）`,
    );
    expect(f.message).toContain(`备份：backups/${path.basename(own!.dir)}`);
    expect(f.advice).toContain('复制保留整个数据目录');
    expect(f.advice).toContain('onebag restore');
    expect(f.advice).toContain('保密');
  });

  it('catches an entry rewritten before the backup head, naming the first entry that differs', async () => {
    const dir = copy();
    tamperAndRechain(dir, `UPDATE audit_log SET operator = '某人' WHERE id = 5`);
    const r = await check(dir);
    expect(r.code).toBe(1);
    const f = r.json.findings.find((x) => x.kind === 'audit-witness-mismatch')!;
    expect(f.auditId).toBe(5);
    expect(f.message).toContain('第 5 条与备份中的记录不同，该条及之后的日志被改写过');
  });

  it('catches a middle entry deleted and the rest renumbered', async () => {
    const dir = copy();
    tamperAndRechain(dir, 'DELETE FROM audit_log WHERE id = 4; UPDATE audit_log SET id = id - 1 WHERE id > 4');
    const f = (await check(dir)).json.findings.find((x) => x.kind === 'audit-witness-mismatch')!;
    expect(f.auditId).toBe(4);
    expect(f.message).toContain('第 4 条与备份中的记录不同');
  });

  it('entries after the newest backup are beyond any witness: the limit of this check', async () => {
    const dir = copy();
    tamperAndRechain(dir, 'DELETE FROM audit_log WHERE id >= 11');
    expect((await check(dir)).code).toBe(0);
  });

  it('with the local backups deleted too, a backup on a USB stick given by --witness still tells', async () => {
    const dir = copy();
    fs.rmSync(backupsDirOf(dir), { recursive: true, force: true });
    tamperAndRechain(dir, 'DELETE FROM audit_log WHERE id >= 6');
    expect((await check(dir)).code).toBe(0);
    const r = await check(dir, ['--witness', usb]);
    expect(r.code).toBe(1);
    const f = r.json.findings.find((x) => x.kind === 'audit-witness-mismatch')!;
    expect(f.auditId).toBe(6);
    expect(f.message).toContain('第 6 条至第 10 条已不在日志中');
    expect(f.message).toContain(usb);
    // one backup folder given directly works the same
    expect((await check(dir, ['--witness', listBackups(usb)[0]!.dir])).code).toBe(1);
  });

  it('refuses a --witness folder that holds no backup, in Chinese', async () => {
    const empty = path.join(tmp, 'empty');
    fs.mkdirSync(empty);
    const r = await onebagHere(base, ['check', '--witness', empty]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('文件夹中没有 OneBag 备份');
    expect(r.stdout).toBe('');
  });
});
