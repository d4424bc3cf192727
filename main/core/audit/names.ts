/**
 * Names behind the ids and file hashes recorded in audit entries, so the log reads
 * "所属县：岚川县" and "文件：2025年工作汇报.pdf" instead of "county_id：1" and a hash
 * (shared/auditValues.ts words the values with them).
 */
import { idTable, type AuditNames } from '../../../shared/auditValues';
import type { Db } from '../../store/db';

const SHA256 = /^[0-9a-f]{64}$/;

const LOOKUP: Record<string, string> = {
  county: 'SELECT name FROM counties WHERE id = ?',
  township: 'SELECT name FROM townships WHERE id = ?',
  village: 'SELECT name FROM villages WHERE id = ?',
  unit: 'SELECT name FROM units WHERE id = ?',
  cadre: 'SELECT name FROM cadres WHERE id = ?',
  material: 'SELECT title AS name FROM materials WHERE id = ?',
  scheme: "SELECT year || '年度考核方案（第' || version || '版）' AS name FROM eval_schemes WHERE id = ?",
};

const FILE_NAME = `SELECT original_name AS name FROM material_files WHERE sha256 = @sha
  UNION ALL SELECT original_name FROM worklog_files WHERE sha256 = @sha
  UNION ALL SELECT original_name FROM weak_milestone_files WHERE sha256 = @sha LIMIT 1`;

/** Collects `table:id` and `blob:sha` keys from recorded values (any depth). */
function collect(v: unknown, field: string, out: Set<string>): void {
  if (v === null || v === undefined) return;
  if (typeof v === 'string') {
    if (SHA256.test(v)) out.add(`blob:${v}`);
    else {
      const m = /^([0-9a-f]{64})(\.[A-Za-z0-9]+)?$/.exec(v);
      if (m) out.add(`blob:${m[1]}`);
    }
    return;
  }
  const table = idTable(field);
  if (table && typeof v === 'number') {
    out.add(`${table}:${v}`);
    return;
  }
  if (Array.isArray(v)) {
    for (const x of v) collect(x, field, out);
    return;
  }
  if (typeof v === 'object') for (const [k, x] of Object.entries(v)) collect(x, k, out);
}

/** Resolves the names a set of recorded values refers to; unknown ids and hashes are left out. */
export function auditNames(db: Db, values: unknown[], cache: Map<string, string | null> = new Map()): AuditNames {
  const keys = new Set<string>();
  for (const v of values) collect(v, '', keys);
  const out: AuditNames = {};
  for (const key of keys) {
    if (!cache.has(key)) cache.set(key, lookup(db, key));
    const name = cache.get(key);
    if (name) out[key] = name;
  }
  return out;
}

function lookup(db: Db, key: string): string | null {
  const [table, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  try {
    if (table === 'blob') return (db.prepare(FILE_NAME).get({ sha: id }) as { name: string } | undefined)?.name ?? null;
    const sql = LOOKUP[table];
    return sql ? ((db.prepare(sql).get(Number(id)) as { name: string } | undefined)?.name ?? null) : null;
  } catch {
    return null; // a table of a later migration that this database does not have
  }
}
