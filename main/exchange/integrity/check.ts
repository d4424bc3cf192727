/**
 * `onebag check`: the data directory's integrity — the database itself, every original
 * present and matching its SHA-256, no orphan files, no records pointing to missing files,
 * the audit log's hash chain unbroken up to its anchored head, and that head consistent with
 * the heads backups recorded (auditWitness.ts). Reads only; each finding says what to do.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { verifyChain } from '../../core/audit/chain';
import { checkWitnesses, witnessesAt, witnessesOfDataDir, type Witness } from './auditWitness';
import { DB_FILE, type Db } from '../../store/db';
import { blobName, SHA256_RE } from '../../../shared/blobLayout';
import { blobPath } from '../../files/blobStore';
import { sha256File } from '../../files/durableFiles';

export type FindingSeverity = 'error' | 'warning';

export type FindingKind =
  | 'no-database'
  | 'database-corrupt'
  | 'foreign-key'
  | 'missing-original'
  | 'original-mismatch'
  | 'dangling-reference'
  | 'orphan-original'
  | 'stray-file'
  | 'audit-chain-broken'
  | 'audit-head-mismatch'
  | 'audit-unprotected'
  | 'audit-witness-mismatch';

export interface Finding {
  severity: FindingSeverity;
  kind: FindingKind;
  /** What is wrong (Chinese). */
  message: string;
  /** What to do about it (Chinese). */
  advice: string;
  /** Path relative to the data directory, when the finding is about one file. */
  file?: string;
  sha256?: string;
  /** The first audit log entry concerned, for audit findings. */
  auditId?: number;
}

const ADVICE: Record<FindingKind, string> = {
  'no-database': '请确认 --data 指向的是 OneBag 数据目录；如数据已丢失，请用 onebag restore 从备份恢复到该目录。',
  'database-corrupt': '数据库文件已损坏。请立即停止录入，先复制保留整个数据目录，再用 onebag restore 将最近的备份恢复到一个新的数据目录。',
  'foreign-key': '数据库中有记录指向不存在的记录，可能被其他工具改动过。请先复制保留数据目录，再与最近的备份核对，必要时从备份恢复。',
  'missing-original':
    '原件文件丢失。请用U盘或另一块磁盘上的备份（“备份到其他文件夹”或 onebag backup --out 制作）：先 onebag restore 备份目录 --dry-run 确认完好，恢复到新数据目录后把同名文件复制回原位置；没有这样的备份时，请重新扫描并归档该材料。',
  'original-mismatch':
    '原件已被改动或损坏，与登记的 SHA-256 不符。数据目录内的备份通常与原件共用同一文件，会一并损坏；请从U盘或另一块磁盘上的备份（“备份到其他文件夹”或 onebag backup --out 制作）取回同名文件替换它，或重新扫描并归档该材料。',
  'dangling-reference': '记录引用的原件未在数据库中登记。请与最近的备份核对，必要时从备份恢复，或删除该材料后重新归档。',
  'orphan-original': '该文件没有任何记录引用，可能是中断的归档操作留下的。确认不需要后可以删除；删除前建议先做一次备份。',
  'stray-file': '原件目录中出现了不属于 OneBag 的文件。请查明来源后将其移出 blobs 目录。',
  'audit-chain-broken':
    '审计日志被人绕过 OneBag 直接改动过，所记录的操作历史不再可信。请立即复制保留整个数据目录作为证据，报告单位负责人，并与最近的备份中的审计日志核对被改动的记录；不要在此数据目录上继续录入。',
  'audit-head-mismatch':
    '审计日志末尾的记录被删除（或日志被整体替换），最近的操作历史已缺失。请复制保留整个数据目录，报告单位负责人，并用最近的备份核对缺失的记录。',
  'audit-unprotected':
    '审计日志的只追加保护（数据库触发器）已被移除，说明有人用其他工具改动过数据库。请复制保留数据目录，并运行 onebag check 核对审计日志。',
  'audit-witness-mismatch':
    '备份时记下的审计日志与现在的不符，说明有人绕过 OneBag 删除或改写了审计日志（可能连校验值也一并重算过，日志自身的校验因此发现不了）。请立即复制保留整个数据目录作为证据，不要在此数据目录上继续录入；用 onebag restore 该备份 --dry-run 确认备份完好后，把它恢复到一个新的数据目录，与现在的审计日志逐条核对；并报告单位负责人，联系县里负责信息化与保密工作的同志。（如果曾用较早的备份恢复过这个数据目录，较新备份中的记录已随恢复舍弃，也会出现此提示，请先核实。）',
};

function finding(severity: FindingSeverity, kind: FindingKind, message: string, extra: Partial<Finding> = {}): Finding {
  return { severity, kind, message, advice: ADVICE[kind], ...extra };
}

/** Columns of any table that refer to blobs(sha256), found from the schema itself. */
function blobReferences(db: Db): Array<{ table: string; column: string }> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const out: Array<{ table: string; column: string }> = [];
  for (const table of tables) {
    let fks: Array<{ table: string; from: string }>;
    try {
      fks = db.prepare(`SELECT "table", "from" FROM pragma_foreign_key_list(?)`).all(table) as typeof fks;
    } catch {
      continue; // virtual tables
    }
    for (const fk of fks) if (fk.table === 'blobs') out.push({ table, column: fk.from });
  }
  return out;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Who uses a blob, for the message: 干部某某的材料《题名》, or a count per table. */
function usersOf(db: Db, refs: Array<{ table: string; column: string }>, sha256: string): string {
  const parts: string[] = [];
  for (const { table, column } of refs) {
    if (table === 'material_files') {
      const rows = db
        .prepare(
          `SELECT c.name AS cadre, m.title AS title FROM material_files f
           JOIN materials m ON m.id = f.material_id JOIN cadres c ON c.id = m.cadre_id
           WHERE f.sha256 = ? ORDER BY m.id LIMIT 3`,
        )
        .all(sha256) as Array<{ cadre: string; title: string }>;
      for (const r of rows) parts.push(`${r.cadre}的材料《${r.title}》`);
      continue;
    }
    const n = (db.prepare(`SELECT count(*) AS n FROM ${q(table)} WHERE ${q(column)} = ?`).get(sha256) as { n: number }).n;
    if (n > 0) parts.push(`表 ${table} 中 ${n} 条记录`);
  }
  return parts.length > 0 ? `，涉及：${parts.join('、')}` : '，目前没有记录引用它';
}

function checkDatabase(db: Db, findings: Finding[]): boolean {
  let rows: string[];
  try {
    rows = db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  } catch (err) {
    findings.push(finding('error', 'database-corrupt', `数据库无法读取：${(err as Error).message}`, { file: DB_FILE }));
    return false;
  }
  if (!(rows.length === 1 && rows[0] === 'ok')) {
    for (const r of rows.slice(0, 20))
      findings.push(finding('error', 'database-corrupt', `数据库完整性检查未通过：${r}`, { file: DB_FILE }));
    return false;
  }
  const fk = db.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; rowid: number | null; parent: string }>;
  const byTable = new Map<string, number>();
  for (const r of fk) {
    if (r.parent === 'blobs') continue; // reported as dangling-reference, with the file named
    const key = `${r.table}→${r.parent}`;
    byTable.set(key, (byTable.get(key) ?? 0) + 1);
  }
  for (const [key, n] of byTable) {
    const [table, parent] = key.split('→');
    findings.push(finding('error', 'foreign-key', `表 ${table} 中有 ${n} 条记录指向表 ${parent} 中不存在的记录`));
  }
  return true;
}

/** Stages reported to onProgress, in order, with their Chinese labels. */
export const CHECK_STAGES = {
  database: '检查数据库',
  audit: '核对审计日志',
  originals: '校验原件',
  files: '查找孤立文件',
} as const;
export type CheckStage = keyof typeof CHECK_STAGES;

export interface CheckOptions {
  /** Called as each stage advances: done of total within the stage (stage = a CHECK_STAGES key). */
  onProgress?: (done: number, total: number, stage: CheckStage) => void;
  /** Backup folders kept elsewhere (a USB stick) to compare the audit log with, besides <data>/backups. */
  witnessDirs?: string[];
}

/** Where a backup is, for the message: relative inside the data directory, else absolute. */
function whereIs(dataDir: string, dir: string): string {
  const rel = path.relative(path.resolve(dataDir), dir);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : dir;
}

/** Compares the log with every backup that recorded its head: one finding per source that disagrees. */
function checkAgainstBackups(db: Db, dataDir: string, sources: Witness[][], findings: Finding[]): void {
  for (const witnesses of sources) {
    const d = checkWitnesses(db, witnesses);
    if (!d) continue;
    const more = d.others > 0 ? `；另有 ${d.others} 份备份也与日志不一致` : '';
    const message = `${d.message}（备份：${whereIs(dataDir, d.witness.dir)}${more}）`;
    findings.push(finding('error', 'audit-witness-mismatch', message, { file: DB_FILE, auditId: d.auditId }));
  }
}

/** The triggers (migration 0007) that make the audit log append-only. */
const AUDIT_GUARDS = [
  { name: 'audit_log_no_update', label: '禁止修改' },
  { name: 'audit_log_no_delete', label: '禁止删除' },
] as const;

/** Verifies the audit log's chain and anchor (from schema 7 on), then against the backups' heads. */
function checkAudit(db: Db, dataDir: string, sources: Witness[][], findings: Finding[], onProgress?: CheckOptions['onProgress']): void {
  const cols = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  if (!cols.includes('hash')) return; // older schema: no chain yet
  // Each guard must exist on audit_log and still raise: a same-named trigger that does nothing protects nothing.
  const guard = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log' AND name = ?").pluck();
  const missing = AUDIT_GUARDS.filter(
    (g) => !/\bBEFORE\s+\w+\s+ON\s+"?audit_log"?[\s\S]*RAISE\s*\(\s*ABORT/i.test(String(guard.get(g.name) ?? '')),
  );
  if (missing.length > 0) {
    const what = missing.map((g) => g.label).join('、');
    findings.push(
      finding('error', 'audit-unprotected', `审计日志的只追加保护已被移除或改动（${what}的触发器），日志可以被改写`, { file: DB_FILE }),
    );
  }
  const s = verifyChain(db, (done, total) => onProgress?.(done, total, 'audit'));
  if (!s.ok) {
    const kind: FindingKind = s.reason === 'tail-removed' || s.reason === 'head-mismatch' ? 'audit-head-mismatch' : 'audit-chain-broken';
    findings.push(finding('error', kind, s.message, { file: DB_FILE, auditId: s.brokenAt }));
  }
  // Even a log whose chain verifies may have been rewritten whole; the backups tell.
  checkAgainstBackups(db, dataDir, sources, findings);
}

/** Checks a data directory; an empty list means nothing is wrong. */
export async function checkIntegrity(dataDir: string, opts: CheckOptions = {}): Promise<Finding[]> {
  const { onProgress } = opts;
  const findings: Finding[] = [];
  const dbPath = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(dbPath)) {
    return [finding('error', 'no-database', `数据目录中没有 OneBag 数据库：${dbPath}`)];
  }
  // Folders named by the user are read first, so a wrong path fails before any work.
  const own = witnessesOfDataDir(dataDir);
  const seen = new Set(own.map((w) => w.dir));
  const sources = [own, ...(opts.witnessDirs ?? []).map((d) => witnessesAt(d).filter((w) => !seen.has(w.dir)))];
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    onProgress?.(0, 1, 'database');
    if (!checkDatabase(db, findings)) return findings;
    onProgress?.(1, 1, 'database');
    checkAudit(db, dataDir, sources, findings, onProgress);
    const hasBlobs = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blobs'").get() !== undefined;
    const blobs = hasBlobs
      ? (db.prepare('SELECT sha256, size FROM blobs ORDER BY sha256').all() as Array<{ sha256: string; size: number }>)
      : [];
    const refs = hasBlobs ? blobReferences(db) : [];
    const known = new Set(blobs.map((b) => b.sha256));
    const root = path.join(dataDir, 'blobs');

    // Records pointing to originals that are not registered at all.
    for (const { table, column } of refs) {
      const dangling = db
        .prepare(
          `SELECT ${q(column)} AS sha256, count(*) AS n FROM ${q(table)}
           WHERE ${q(column)} IS NOT NULL AND ${q(column)} NOT IN (SELECT sha256 FROM blobs) GROUP BY 1`,
        )
        .all() as Array<{ sha256: string; n: number }>;
      for (const d of dangling) {
        findings.push(
          finding('error', 'dangling-reference', `表 ${table} 中 ${d.n} 条记录引用了未登记的原件 ${d.sha256}`, { sha256: d.sha256 }),
        );
      }
    }

    // Every registered original present and matching its hash (streamed, 1 MB at a time).
    let hashed = 0;
    onProgress?.(0, blobs.length, 'originals');
    for (const { sha256, size } of blobs) {
      onProgress?.(hashed++, blobs.length, 'originals');
      const rel = SHA256_RE.test(sha256) ? blobName(sha256) : undefined;
      const file = rel === undefined ? undefined : blobPath(root, sha256);
      const st = file === undefined ? undefined : fs.statSync(file, { throwIfNoEntry: false });
      if (!st?.isFile()) {
        findings.push(
          finding('error', 'missing-original', `原件文件缺失：${rel ?? sha256}${usersOf(db, refs, sha256)}`, {
            ...(rel === undefined ? {} : { file: rel }),
            sha256,
          }),
        );
        continue;
      }
      const got = await sha256File(file!);
      if (got.sha256 !== sha256 || got.size !== size) {
        findings.push(
          finding('error', 'original-mismatch', `原件内容与登记的 SHA-256 不符：${rel}${usersOf(db, refs, sha256)}`, {
            file: rel!,
            sha256,
          }),
        );
      }
    }

    onProgress?.(blobs.length, blobs.length, 'originals');
    // Files in the blob store that no record knows.
    onProgress?.(0, 1, 'files');
    const dirs = fs.existsSync(root) ? fs.readdirSync(root, { withFileTypes: true }) : [];
    for (const d of dirs) {
      if (d.isDirectory() && d.name === 'tmp') continue; // the store's own temp folder
      if (!d.isDirectory() || !/^[0-9a-f]{2}$/.test(d.name)) {
        findings.push(finding('warning', 'stray-file', `原件目录中有不明文件：blobs/${d.name}`, { file: `blobs/${d.name}` }));
        continue;
      }
      for (const f of fs.readdirSync(path.join(root, d.name), { withFileTypes: true })) {
        const rel = `blobs/${d.name}/${f.name}`;
        const sha256 = d.name + f.name;
        if (!f.isFile() || !SHA256_RE.test(sha256)) {
          findings.push(finding('warning', 'stray-file', `原件目录中有不明文件：${rel}`, { file: rel }));
        } else if (!known.has(sha256)) {
          findings.push(finding('warning', 'orphan-original', `原件文件没有任何记录引用（孤立文件）：${rel}`, { file: rel, sha256 }));
        }
      }
    }
    onProgress?.(1, 1, 'files');
    return findings;
  } finally {
    db.close();
  }
}

export const SEVERITY_TEXT: Record<FindingSeverity, string> = { error: '错误', warning: '提醒' };
