/**
 * Reading the audit log: filtered pages, newest first, with the inspector kind and the record
 * in words; one entry with its before/after. ID numbers are masked, as everywhere but the
 * cadre's own page.
 */
import {
  describeAction,
  ENTITY_LABELS,
  INSPECTOR_KINDS,
  kindOf,
  type AuditEntry,
  type AuditPage,
  type AuditRow,
  type InspectorKind,
} from '../../../shared/audit';
import { maskIdNumber } from '../../../shared/idNumber';
import { AppError } from '../../../shared/result';
import type { Db } from '../../store/db';
import type { ChainRow } from './chain';
import { auditNames } from './names';
import { entityLabel } from '../../../shared/auditLabels';
import { dateLabel, monthLabel } from '../../../shared/dates';

export interface AuditFilter {
  kinds?: InspectorKind[];
  entity?: string;
  operator?: string;
  /** Local dates YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
  text?: string;
  /** Cursor: entries with a smaller id than this. */
  before?: number;
  limit?: number;
}

interface Raw extends ChainRow {
  prev_hash: string | null;
  hash: string | null;
}

/** Local midnight of a date as the UTC ISO text stored in `at`. */
const localStart = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const nextDay = (d: string) => {
  const t = new Date(`${d}T00:00:00`);
  t.setDate(t.getDate() + 1);
  return t.toISOString();
};

function where(f: AuditFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.kinds && f.kinds.length) {
    const ors = f.kinds.map((k) => {
      const d = INSPECTOR_KINDS[k];
      params.push(d.entity, ...d.actions);
      return `(entity = ? AND action IN (${d.actions.map(() => '?').join(', ')}))`;
    });
    parts.push(`(${ors.join(' OR ')})`);
  }
  if (f.entity) {
    parts.push('entity = ?');
    params.push(f.entity);
  }
  if (f.operator) {
    parts.push('operator = ?');
    params.push(f.operator);
  }
  if (f.from) {
    parts.push('at >= ?');
    params.push(localStart(f.from));
  }
  if (f.to) {
    parts.push('at < ?');
    params.push(nextDay(f.to));
  }
  const text = f.text?.trim();
  if (text) {
    const like = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const entities = Object.entries(ENTITY_LABELS)
      .filter(([, label]) => label.includes(text))
      .map(([e]) => e);
    const kinds = Object.values(INSPECTOR_KINDS).filter((d) => (d.label as string).includes(text));
    const ors = ["detail LIKE ? ESCAPE '\\'", "before LIKE ? ESCAPE '\\'", "after LIKE ? ESCAPE '\\'", "operator LIKE ? ESCAPE '\\'"];
    params.push(like, like, like, like);
    if (entities.length) {
      ors.push(`entity IN (${entities.map(() => '?').join(', ')})`);
      params.push(...entities);
    }
    for (const d of kinds) {
      ors.push(`(entity = ? AND action IN (${d.actions.map(() => '?').join(', ')}))`);
      params.push(d.entity, ...d.actions);
    }
    parts.push(`(${ors.join(' OR ')})`);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

const parse = (s: string | null): unknown => {
  if (s === null) return undefined;
  try {
    return JSON.parse(s);
  } catch {
    return s;
  }
};

const ID_KEYS = new Set(['id_number', 'idNumber']);

/** Masks ID numbers anywhere in a recorded value, also inside a column that stores JSON text (a 考核结果 row's snapshot). */
function masked(v: unknown): unknown {
  if (typeof v === 'string' && /^[[{]/.test(v) && /"id_?number"/i.test(v)) {
    try {
      return JSON.stringify(masked(JSON.parse(v)));
    } catch {
      return v; // not JSON: the text as written
    }
  }
  if (Array.isArray(v)) return v.map(masked);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = ID_KEYS.has(k) && typeof x === 'string' ? maskIdNumber(x) : masked(x);
    return out;
  }
  return v;
}

type Names = { name: (table: 'cadres' | 'townships' | 'counties' | 'villages', id: unknown) => string | null; db: Db };

/** A recorded file name; a staged copy named by its hash reads as the original name when known. */
function fileName(file: string, names: Names): string {
  const m = /^([0-9a-f]{64})(\.[A-Za-z0-9]+)?$/.exec(file);
  if (!m) return file;
  return auditNames(names.db, [m[1]])[`blob:${m[1]}`] ?? `文件（摘要 ${m[1]!.slice(0, 8)}…${m[2] ?? ''}）`;
}

function namer(db: Db): Names {
  const cache = new Map<string, string | null>();
  return {
    db,
    name(table, id) {
      if (typeof id !== 'number') return null;
      const key = `${table}:${id}`;
      if (!cache.has(key)) {
        const r = db.prepare(`SELECT name FROM ${table} WHERE id = ?`).get(id) as { name: string } | undefined;
        cache.set(key, r?.name ?? null);
      }
      return cache.get(key)!;
    },
  };
}

/** Org rows whose name the entry gives already (as the record itself). */
const ORG_ENTITIES = new Set(['county', 'township', 'village', 'unit']);

const monthText = (m: unknown) => (typeof m === 'string' && /^\d{4}-\d{2}$/.test(m) ? monthLabel(m) : null);

/** The record in words, from the entry's detail and the names still on file. */
function recordText(r: Raw, detail: unknown, before: unknown, after: unknown, names: Names): string {
  const d = (detail && typeof detail === 'object' ? detail : {}) as Record<string, unknown>;
  const row = ((after ?? before) && typeof (after ?? before) === 'object' ? (after ?? before) : {}) as Record<string, unknown>;
  const parts: string[] = [];
  const str = (v: unknown) => (typeof v === 'string' && v ? v : null);
  const county =
    str(d.county) ?? (r.entity === 'county' ? str(d.name) : null) ?? names.name('counties', d.countyId ?? row.county_id ?? row.countyId);
  const township = str(d.township) ?? names.name('townships', d.townshipId ?? row.township_id);
  const village =
    r.entity === 'village'
      ? null
      : names.name('villages', d.villageId ?? row.village_id ?? row.villageId ?? (r.entity === 'weak_village' ? r.entity_id : undefined));
  const cadre =
    (r.entity === 'cadre' ? (str(d.name) ?? str(row.name) ?? names.name('cadres', r.entity_id)) : null) ??
    names.name('cadres', d.cadreId ?? row.cadre_id ?? row.cadreId) ??
    (r.entity === 'eval_outcome' || r.entity === 'eval_ballots' ? str(d.name) : null);
  if (county && r.entity !== 'county') parts.push(county);
  if (township) parts.push(township);
  // the record's own name where it has one (a project, a leader, rows a bundle import copied)
  const own = ORG_ENTITIES.has(r.entity) || r.entity === 'cadre' ? null : (str(d.name) ?? str(row.name));
  if (village && !own?.startsWith(village)) parts.push(village);
  if (r.entity === 'county' || r.entity === 'township' || r.entity === 'village' || r.entity === 'unit') parts.push(str(d.name) ?? '');
  if (cadre) parts.push(cadre);
  if (own && own !== cadre && !parts.includes(own)) parts.push(own);
  if (r.entity === 'check' || r.entity === 'weak_milestone') {
    if (str(d.kind)) parts.push(String(d.kind));
    if (str(d.date)) parts.push(dateLabel(String(d.date)));
  }
  const month = monthText(d.month);
  if (month) parts.push(month);
  const year = typeof d.year === 'number' ? d.year : typeof row.year === 'number' ? row.year : null;
  if (year !== null) parts.push(`${year}年度`);
  const title = str(d.title) ?? str(row.title);
  if (title) parts.push(`《${title}》`);
  if (str(d.secretaryName)) parts.push(`书记${String(d.secretaryName)}`);
  if (str(d.file)) parts.push(fileName(String(d.file), names));
  const text = parts.filter(Boolean).join(' ');
  if (text) return text;
  return r.entity_id === null ? entityLabel(r.entity) : `${entityLabel(r.entity)} 第${r.entity_id}号`;
}

function toRow(r: Raw, names: Names): AuditRow & { parsed: { detail: unknown; before: unknown; after: unknown } } {
  const detail = parse(r.detail);
  const before = parse(r.before);
  const after = parse(r.after);
  return {
    id: r.id,
    at: r.at,
    operator: r.operator,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    kind: kindOf(r.action, r.entity),
    what: describeAction(r.action, r.entity),
    record: recordText(r, detail, before, after, names),
    hasChange: r.before !== null || r.after !== null,
    parsed: { detail, before, after },
  };
}

const COLUMNS = 'id, at, operator, action, entity, entity_id, detail, before, after, prev_hash, hash';

type Parsed = ReturnType<typeof toRow>['parsed'];

/** A page of entries matching `f`, newest first, each shaped by `shape`. */
function pageOf<T>(
  db: Db,
  f: AuditFilter,
  shape: (row: AuditRow, parsed: Parsed) => T,
): { rows: T[]; total: number; nextCursor: number | null } {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 5000);
  const w = where(f);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }).n;
  const cursor = f.before === undefined ? w : where({ ...f, before: undefined });
  const sql = `${cursor.sql ? `${cursor.sql} AND` : 'WHERE'} id < ?`;
  const raws = db
    .prepare(`SELECT ${COLUMNS} FROM audit_log ${sql} ORDER BY id DESC LIMIT ?`)
    .all(...cursor.params, f.before ?? Number.MAX_SAFE_INTEGER, limit + 1) as Raw[];
  const names = namer(db);
  const rows = raws.slice(0, limit).map((r) => {
    const { parsed, ...row } = toRow(r, names);
    return shape(row, parsed);
  });
  return { rows, total, nextCursor: raws.length > limit ? raws[limit - 1]!.id : null };
}

/** A page of entries, newest first; `nextCursor` continues with older ones. */
export function listAudit(db: Db, f: AuditFilter = {}): AuditPage {
  return pageOf(db, f, (row) => row);
}

/** The same page with each entry's before/after (ID numbers masked), read in the one query — for printing. */
export function listAuditWithChanges(db: Db, f: AuditFilter = {}) {
  const cache = new Map<string, string | null>();
  return pageOf(db, f, (row, p) => ({
    ...row,
    before: masked(p.before),
    after: masked(p.after),
    names: auditNames(db, [p.before, p.after], cache),
  }));
}

/** One entry with its detail and before/after (ID numbers masked). */
export function getAudit(db: Db, id: number): AuditEntry {
  const r = db.prepare(`SELECT ${COLUMNS} FROM audit_log WHERE id = ?`).get(id) as Raw | undefined;
  if (!r) throw new AppError('NOT_FOUND', `审计日志第 ${id} 条不存在`);
  const { parsed, ...row } = toRow(r, namer(db));
  const names = auditNames(db, [parsed.detail, parsed.before, parsed.after]);
  return {
    ...row,
    detail: masked(parsed.detail),
    before: masked(parsed.before),
    after: masked(parsed.after),
    names,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Operators that appear in the log, for the filter. */
export function auditOperators(db: Db): string[] {
  return db.prepare('SELECT DISTINCT operator FROM audit_log WHERE operator IS NOT NULL ORDER BY operator').pluck().all() as string[];
}
