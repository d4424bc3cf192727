/**
 * Backups as witnesses of the audit log. Each backup manifest records the log's head (last
 * id, its chain hash, the entry count) as it was then. Someone who deletes or rewrites
 * entries by hand can recompute the whole chain and the anchor inside the database, but not
 * the heads already written into backups — least of all those on a USB stick. So the row at
 * a recorded head id must still carry the recorded hash, and must still exist.
 */
import Database from 'better-sqlite3';
import type { Db } from '../../store/db';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/result';
import { BACKUPS_DIR, MANIFEST_FILE, type AuditWitness } from '../../store/backupManifest';
import { readManifest } from './backupRead';
import { listBackups } from './backupList';
import { dateLabel, isoDateOf } from '../../../shared/dates';

/** One backup that recorded an audit head. */
export interface Witness {
  dir: string;
  createdAt: string;
  head: AuditWitness;
  /** The backup's database copy, read only to say where the logs part ways. */
  dbCopy: string;
}

/** A source of backups that disagrees with the log: its newest disagreeing backup, described. */
export interface WitnessDisagreement {
  witness: Witness;
  /** The first entry concerned. */
  auditId: number;
  message: string;
  /** Further backups of the same source that disagree too. */
  others: number;
}

function witnessOf(dir: string): Witness | null {
  const m = readManifest(dir);
  return m.auditHead ? { dir, createdAt: m.createdAt, head: m.auditHead, dbCopy: path.join(dir, m.database.file) } : null;
}

/** Backups in a backup directory that recorded a head, newest first; unreadable ones are skipped. */
function witnessesIn(outDir: string): Witness[] {
  const out: Witness[] = [];
  for (const b of listBackups(outDir)) {
    try {
      const w = witnessOf(b.dir);
      if (w) out.push(w);
    } catch {
      // listBackups already parsed it; a manifest changed since then is simply not a witness
    }
  }
  return out;
}

/**
 * The witnesses a folder given with `--witness` holds: one backup (it has manifest.json), a
 * backup directory (`onebag backup --out`), or a data directory copy with its backups folder.
 */
export function witnessesAt(dir: string): Witness[] {
  const abs = path.resolve(dir);
  if (!fs.statSync(abs, { throwIfNoEntry: false })?.isDirectory()) {
    throw new AppError('NOT_FOUND', `找不到用于核对的备份文件夹：${abs}，请确认U盘已插好、路径无误`);
  }
  if (fs.existsSync(path.join(abs, MANIFEST_FILE))) {
    const w = witnessOf(abs);
    return w ? [w] : [];
  }
  const here = listBackups(abs);
  const outDir = here.length > 0 ? abs : path.join(abs, BACKUPS_DIR);
  if (here.length === 0 && listBackups(outDir).length === 0) {
    throw new AppError('NOT_FOUND', `文件夹中没有 OneBag 备份（找不到 ${MANIFEST_FILE}）：${abs}`);
  }
  return witnessesIn(outDir);
}

/** The witnesses kept in a data directory's own backups folder. */
export const witnessesOfDataDir = (dataDir: string): Witness[] => witnessesIn(path.join(dataDir, BACKUPS_DIR));

/** The backup's day in local time, as the backup page shows it. */
function dayOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateLabel(isoDateOf(d));
}

const hashAt = (db: Db, id: number) =>
  (db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string | null } | undefined)?.hash;

/**
 * The first entry where the log and the backup's own copy of it part ways, when the copy is
 * readable and agrees with its manifest; undefined otherwise.
 */
function firstDivergence(db: Db, w: Witness): number | undefined {
  let copy: Db | undefined;
  try {
    copy = new Database(w.dbCopy, { readonly: true, fileMustExist: true });
    if (hashAt(copy, w.head.id) !== w.head.hash) return undefined;
    const local = db.prepare('SELECT hash FROM audit_log WHERE id = ?').pluck();
    const rows = copy.prepare('SELECT id, hash FROM audit_log WHERE id <= ? ORDER BY id').iterate(w.head.id) as IterableIterator<{
      id: number;
      hash: string;
    }>;
    for (const r of rows) if (local.get(r.id) !== r.hash) return r.id;
    return undefined;
  } catch {
    return undefined;
  } finally {
    copy?.close();
  }
}

/** Why the log disagrees with `w`, or null when the entry at the recorded head is intact. */
function disagreement(db: Db, w: Witness): { auditId: number; message: string } | null {
  if (hashAt(db, w.head.id) === w.head.hash) return null;
  const last = (db.prepare('SELECT max(id) AS m FROM audit_log').get() as { m: number | null }).m ?? 0;
  const prefix = `审计日志与 ${dayOf(w.createdAt)} 的备份记录不一致：`;
  const n = firstDivergence(db, w) ?? Math.min(w.head.id, last + 1);
  if (n > last) {
    const now = last === 0 ? '现在日志为空' : `现在只到第 ${last} 条`;
    const range = w.head.id > n ? `至第 ${w.head.id} 条` : '';
    return { auditId: n, message: `${prefix}第 ${n} 条${range}已不在日志中（备份时日志共 ${w.head.count} 条，${now}），日志末尾被删除` };
  }
  if (hashAt(db, n) === undefined) return { auditId: n, message: `${prefix}第 ${n} 条已不在日志中，日志被删改过` };
  return { auditId: n, message: `${prefix}第 ${n} 条与备份中的记录不同，该条及之后的日志被改写过` };
}

/**
 * Compares the log with one source's witnesses (newest first). Reports the newest backup that
 * disagrees — it holds the most of the original history to compare with — and how many more do.
 */
export function checkWitnesses(db: Db, witnesses: Witness[]): WitnessDisagreement | null {
  const bad = witnesses.filter((w) => hashAt(db, w.head.id) !== w.head.hash);
  const newest = bad[0];
  if (newest === undefined) return null;
  const d = disagreement(db, newest)!;
  return { witness: newest, ...d, others: bad.length - 1 };
}
