/**
 * Work log entries: one cadre's year, batch save (new and edited rows, evidence files) in
 * one transaction, removal. Every row is checked before anything is written, and a refusal
 * names the row (第3条：…) so the clerk finds it in the table.
 */
import type { LogRow } from '../../../shared/api/worklog';
import { AppError } from '../../../shared/result';
import { kindFromText, LOG_KINDS, type LogEntry, type LogEntryFields, type LogFile } from '../../../shared/worklog';
import type { BlobStore } from '../../files/blobStore';
import type { FileFacts } from '../../files/inspect';
import { fileOriginal } from '../../files/intake';
import { intakeMaxBytes } from '../bag/intakeLimit';
import { nowIso, type Db } from '../../store/db';
import { audit } from '../audit/log';
import { removeAudited } from '../audit/removeAudited';
import { recordBlob } from '../blobs/rows';
import { cadreName, operatorOf } from '../attendance/common';
import { toSearchTokens } from '../searchTokens';
import { localToday } from '../runtime/clock';
import { stmt } from '../../store/statementCache';

interface EntryRow {
  id: number;
  cadreId: number;
  date: string;
  kind: LogEntry['kind'];
  place: string;
  persons: string;
  situation: string;
  difficulties: string;
  followUp: string;
  updatedAt: string;
}

export const ENTRY_COLUMNS = `e.id, e.cadre_id AS cadreId, e.date, e.kind, e.place, e.persons, e.situation,
  e.difficulties, e.follow_up AS followUp, e.updated_at AS updatedAt`;

/** Evidence files of many entries, one query per 500 ids. */
export function filesOf(db: Db, ids: number[]): Map<number, LogFile[]> {
  const out = new Map<number, LogFile[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const part = ids.slice(i, i + 500);
    const rows = db
      .prepare(
        `SELECT f.entry_id AS entryId, f.sha256, f.original_name AS originalName, b.mime, b.size
           FROM worklog_files f JOIN blobs b ON b.sha256 = f.sha256
          WHERE f.entry_id IN (${part.map(() => '?').join(',')}) ORDER BY f.entry_id, f.position`,
      )
      .all(...part) as Array<LogFile & { entryId: number }>;
    for (const { entryId, ...f } of rows) {
      const list = out.get(entryId);
      if (list) list.push(f);
      else out.set(entryId, [f]);
    }
  }
  return out;
}

export function withFiles<T extends EntryRow>(db: Db, rows: T[]): Array<T & { files: LogFile[] }> {
  const files = filesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, files: files.get(r.id) ?? [] }));
}

/** One cadre's log for a calendar year, oldest first. */
export function listEntries(db: Db, cadreId: number, year: number): LogEntry[] {
  cadreName(db, cadreId);
  const rows = stmt(
    db,
    `SELECT ${ENTRY_COLUMNS} FROM worklog_entries e WHERE e.cadre_id = ? AND e.date BETWEEN ? AND ? ORDER BY e.date, e.id`,
  ).all(cadreId, `${year}-01-01`, `${year}-12-31`) as EntryRow[];
  return withFiles(db, rows);
}

export function getEntry(db: Db, id: number): LogEntry {
  const row = stmt(db, `SELECT ${ENTRY_COLUMNS} FROM worklog_entries e WHERE e.id = ?`).get(id) as EntryRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', '该条日志不存在，可能已被删除，请刷新后重试');
  return withFiles(db, [row])[0]!;
}

const LIMITS: Array<[keyof LogEntryFields, string, number]> = [
  ['place', '地点', 100],
  ['persons', '走访对象', 500],
  ['situation', '情况', 5000],
  ['difficulties', '困难', 2000],
  ['followUp', '下步打算', 2000],
];

/** Checks one row; returns its clean fields or the Chinese reason it is refused. */
export function checkFields(row: Omit<LogRow, 'files' | 'id'>, today: string): LogEntryFields | string {
  const date = row.date.trim();
  if (
    !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
    Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
    new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
  ) {
    return row.date.trim() ? `日期“${row.date.trim()}”无法识别，请写成 2025-03-05` : '请填写日期';
  }
  if (date > today) return `日期${date}晚于今天，不能记录将来的日志`;
  if (date < '2000-01-01') return `日期${date}过早，请检查年份`;
  const kind = kindFromText(row.kind);
  if (!kind) return `类型“${row.kind}”无法识别，应为${LOG_KINDS.join('、')}之一`;
  const out: LogEntryFields = { date, kind, place: '', persons: '', situation: '', difficulties: '', followUp: '' };
  for (const [key, label, max] of LIMITS) {
    const v = String(row[key] ?? '').trim();
    if (Array.from(v).length > max) return `${label}不能超过${max}个字`;
    (out as unknown as Record<string, string>)[key] = v;
  }
  if (!out.situation && !out.persons && !out.place) return '请至少填写地点、走访对象或情况中的一项';
  return out;
}

/** The search row of an entry; `owner` lets a search stay within one cadre (search.ts). */
export function indexEntry(db: Db, id: number, cadreId: number, f: LogEntryFields): void {
  stmt(db, 'DELETE FROM worklog_fts WHERE rowid = ?').run(id);
  const text = [f.kind, f.place, f.persons, f.situation, f.difficulties, f.followUp].filter(Boolean).join('\n');
  stmt(db, 'INSERT INTO worklog_fts (rowid, tokens, owner) VALUES (?, ?, ?)').run(id, toSearchTokens(text), `c${cadreId}`);
}

export interface StagedEvidence {
  path: string;
  name: string;
}

/**
 * Inserts rows without id and updates rows with id, all in one transaction, with their new
 * evidence files (`files[i]` belongs to `rows[i]`). Files are inspected and stored first: a
 * refused file or a bad row changes nothing.
 */
export async function saveEntries(
  db: Db,
  blobs: BlobStore | null,
  cadreId: number,
  rows: Array<Omit<LogRow, 'files'>>,
  files: StagedEvidence[][] = [],
  opts: { today?: string; action?: 'create' | 'import' } = {},
): Promise<number[]> {
  cadreName(db, cadreId);
  const now = opts.today ?? localToday();
  const clean: LogEntryFields[] = [];
  rows.forEach((r, i) => {
    const f = checkFields(r, now);
    if (typeof f === 'string') throw new AppError('INVALID_INPUT', `第${i + 1}条：${f}`);
    if (r.id !== undefined) {
      const owner = stmt(db, 'SELECT cadre_id AS c FROM worklog_entries WHERE id = ?').get(r.id) as { c: number } | undefined;
      if (!owner) throw new AppError('NOT_FOUND', `第${i + 1}条：该条日志已被删除，请刷新后重试`);
      if (owner.c !== cadreId) throw new AppError('INVALID_INPUT', `第${i + 1}条：该条日志不属于所选干部`);
    }
    clean.push(f);
  });
  const facts: Array<Array<FileFacts & { sha256: string; size: number; name: string }>> = [];
  for (const list of files) {
    const one = [];
    for (const f of list) {
      if (!blobs) throw new AppError('UNSUPPORTED', '当前运行方式不能保存佐证文件');
      const { facts: x, sha256, size } = await fileOriginal(blobs, f.path, f.name, { maxBytes: intakeMaxBytes(db) });
      one.push({ ...x, sha256, size, name: f.name });
    }
    facts.push(one);
  }
  const at = nowIso();
  const operator = operatorOf(db);
  return db.transaction(() => {
    const ids: number[] = [];
    clean.forEach((f, i) => {
      const p = { ...f, cadreId, at, operator };
      let id = rows[i]!.id;
      const before = id === undefined ? undefined : getEntry(db, id);
      if (id === undefined) {
        id = Number(
          stmt(
            db,
            `INSERT INTO worklog_entries (cadre_id, date, kind, place, persons, situation, difficulties, follow_up, created_by, created_at, updated_at)
             VALUES (@cadreId, @date, @kind, @place, @persons, @situation, @difficulties, @followUp, @operator, @at, @at)`,
          ).run(p).lastInsertRowid,
        );
      } else {
        stmt(
          db,
          `UPDATE worklog_entries SET date = @date, kind = @kind, place = @place, persons = @persons, situation = @situation,
                  difficulties = @difficulties, follow_up = @followUp, updated_at = @at WHERE id = @id`,
        ).run({ ...p, id });
      }
      indexEntry(db, id, cadreId, f);
      const add = facts[i] ?? [];
      if (add.length) {
        let pos = (stmt(db, 'SELECT COALESCE(MAX(position), -1) AS p FROM worklog_files WHERE entry_id = ?').get(id) as { p: number }).p;
        for (const x of add) {
          recordBlob(db, x.sha256, x.size, x, at);
          stmt(db, 'INSERT INTO worklog_files (entry_id, position, sha256, original_name) VALUES (?, ?, ?, ?)').run(
            id,
            ++pos,
            x.sha256,
            x.name,
          );
        }
      }
      // One entry per row, so each log entry's history reads on its own.
      const action = opts.action === 'import' ? 'import' : before ? 'update' : 'create';
      audit(db, action, 'worklog', id, { cadreId, date: f.date, kind: f.kind, files: add.length }, { before, after: getEntry(db, id) });
      ids.push(id);
    });
    return ids;
  })();
}

export function removeEntry(db: Db, id: number): void {
  removeAudited(db, { table: 'worklog_entries', entity: 'worklog', read: getEntry }, id, (e) => ({
    cadreId: e.cadreId,
    date: e.date,
    kind: e.kind,
  }));
}

/** Detaches one evidence file (the original stays in the blob store). */
export function removeEntryFile(db: Db, entryId: number, sha256: string): LogEntry {
  db.transaction(() => {
    const before = getEntry(db, entryId);
    const r = stmt(db, 'DELETE FROM worklog_files WHERE entry_id = ? AND sha256 = ?').run(entryId, sha256);
    if (r.changes === 0) throw new AppError('NOT_FOUND', '该佐证文件已不在这条日志中，请刷新后重试');
    audit(db, 'update', 'worklog', entryId, { removedFile: sha256 }, { before, after: getEntry(db, entryId) });
  })();
  return getEntry(db, entryId);
}
