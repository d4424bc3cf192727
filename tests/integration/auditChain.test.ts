/**
 * The hash-chained audit log over real SQLite files: entries chain and anchor, the app can
 * only append, and tampering through a second connection (triggers dropped) is reported by
 * the real `onebag check --json` with exit code 1.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit, auditHead, verifyChain } from '../../main/core/audit/log';
import { checkIntegrity } from '../../main/exchange/integrity/check';
import { openDatabase, type Db } from '../../main/store/db';
import { writeAuditedChanges } from '../fixtures/auditedFolder';
import { copyFolder } from '../fixtures/folderCopy';
import { onebagHere } from '../fixtures/cliHere';

let tmp: string;
let base: string;

/** A data directory with audited changes by two operators. */
function populate(dir: string): void {
  const db = openDatabase(dir);
  try {
    writeAuditedChanges(db, '组织部李干事');
  } finally {
    db.close();
  }
}

const copy = () => copyFolder(base, tmp);

/** A second connection, as someone with sqlite3 would open it, with the append-only triggers dropped. */
function tamper(dir: string, sql: string): void {
  const db = new Database(path.join(dir, 'onebag.sqlite'));
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    db.exec(sql);
  } finally {
    db.close();
  }
}

async function check(dir: string): Promise<{
  code: number | null;
  json: {
    ok: boolean;
    errors: number;
    findings: Array<{ kind: string; severity: string; message: string; advice: string; auditId?: number }>;
  };
}> {
  const r = await onebagHere(dir, ['check', '--json']);
  return { code: r.code, json: JSON.parse(r.stdout) };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-audit-'));
  base = path.join(tmp, 'base');
  populate(base);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('audit chain', () => {
  it('chains every entry, anchors the head and records who, before and after', () => {
    const db = new Database(path.join(base, 'onebag.sqlite'), { readonly: true });
    try {
      const rows = db
        .prepare('SELECT id, operator, action, entity, before, after, prev_hash, hash FROM audit_log ORDER BY id')
        .all() as Array<Record<string, string | number | null>>;
      expect(rows.length).toBe(9);
      expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
      for (let i = 1; i < rows.length; i++) expect(rows[i]!.prev_hash).toBe(rows[i - 1]!.hash);
      const upd = rows.find((r) => r.action === 'update' && r.entity === 'cadre')!;
      expect(upd.operator).toBe('组织部李干事');
      expect(JSON.parse(upd.before as string)).toMatchObject({ name: '张三', phone: '13812345678' });
      expect(JSON.parse(upd.after as string)).toMatchObject({ name: '张三', phone: '13900000000' });
      const del = rows.find((r) => r.action === 'delete')!;
      expect(JSON.parse(del.before as string)).toMatchObject({ name: '李四' });
      expect(del.after).toBeNull();
      expect(auditHead(db as unknown as Db)).toEqual({ id: 9, hash: rows[8]!.hash });
      expect(verifyChain(db)).toEqual({ ok: true, entries: 9, headId: 9 });
    } finally {
      db.close();
    }
  });

  it('refuses to change or delete an entry through the app connection', () => {
    const dir = copy();
    const db = openDatabase(dir);
    try {
      expect(() => db.prepare("UPDATE audit_log SET detail = '{}' WHERE id = 2").run()).toThrow('审计日志只能追加，不能修改');
      expect(() => db.prepare('DELETE FROM audit_log WHERE id = 9').run()).toThrow('审计日志只能追加，不能删除');
      audit(db, 'update', 'cadre', 1, { note: 'x' });
      expect(verifyChain(db)).toMatchObject({ ok: true, entries: 10 });
    } finally {
      db.close();
    }
  });

  it('an untampered log checks clean: exit 0', async () => {
    expect(await checkIntegrity(base)).toEqual([]);
    const r = await check(base);
    expect(r.code).toBe(0);
    expect(r.json.ok).toBe(true);
  });

  it('reports an altered entry by its number, with advice; exit 1', async () => {
    const dir = copy();
    tamper(dir, `UPDATE audit_log SET detail = replace(detail, '张三', '王五') WHERE id = 6`);
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.json.ok).toBe(false);
    const f = r.json.findings.find((x) => x.kind === 'audit-chain-broken')!;
    expect(f).toMatchObject({ severity: 'error', auditId: 6 });
    expect(f.message).toContain('审计日志第 6 条被改动');
    expect(f.advice).toContain('备份');
    // the dropped triggers are reported too
    expect(r.json.findings.some((x) => x.kind === 'audit-unprotected')).toBe(true);
  });

  it('reports another operator written into an entry', async () => {
    const dir = copy();
    tamper(dir, `UPDATE audit_log SET operator = '某人' WHERE id = 7`);
    const r = await check(dir);
    expect(r.code).toBe(1);
    expect(r.json.findings.find((x) => x.kind === 'audit-chain-broken')?.message).toContain('第 7 条');
  });

  it('reports a deleted middle entry', async () => {
    const dir = copy();
    tamper(dir, 'DELETE FROM audit_log WHERE id = 4');
    const r = await check(dir);
    expect(r.code).toBe(1);
    const f = r.json.findings.find((x) => x.kind === 'audit-chain-broken')!;
    expect(f.message).toBe('审计日志第 4 条被删除');
  });

  it('reports entries removed from the end through the head anchor', async () => {
    const dir = copy();
    tamper(dir, 'DELETE FROM audit_log WHERE id >= 8');
    const r = await check(dir);
    expect(r.code).toBe(1);
    const f = r.json.findings.find((x) => x.kind === 'audit-head-mismatch')!;
    expect(f.severity).toBe('error');
    expect(f.message).toBe('审计日志末尾第 8 条至第 9 条被删除');
    expect(r.json.findings.some((x) => x.kind === 'audit-chain-broken')).toBe(false);
  });

  it('reports a whole log emptied', async () => {
    const dir = copy();
    tamper(dir, 'DELETE FROM audit_log');
    expect((await check(dir)).json.findings.find((x) => x.kind === 'audit-head-mismatch')?.message).toBe(
      '审计日志末尾第 1 条至第 9 条被删除',
    );
  });

  it('migration 7 chains the entries written before it, and the app appends to that chain', async () => {
    const dir = path.join(tmp, 'old');
    const old = openDatabase(dir, { migrateTo: 6 });
    try {
      const ins = old.prepare('INSERT INTO audit_log (at, operator, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)');
      ins.run('2024-01-02T03:04:05.000Z', '老操作员', 'create', 'county', 1, '{"name":"蒲县"}');
      ins.run('2024-01-03T03:04:05.000Z', null, 'update', 'cadre', 2, null);
    } finally {
      old.close();
    }
    const db = openDatabase(dir);
    try {
      expect(verifyChain(db)).toEqual({ ok: true, entries: 2, headId: 2 });
      audit(db, 'delete', 'cadre', 2, { name: '张三' }, { before: { name: '张三' } });
      expect(verifyChain(db)).toEqual({ ok: true, entries: 3, headId: 3 });
    } finally {
      db.close();
    }
    tamper(dir, `UPDATE audit_log SET at = '2024-01-01T00:00:00.000Z' WHERE id = 1`);
    expect((await check(dir)).json.findings.find((x) => x.kind === 'audit-chain-broken')?.message).toContain('第 1 条');
  });

  it('reports progress by stage', async () => {
    const stages: string[] = [];
    await checkIntegrity(base, { onProgress: (_d, _t, stage) => stages.push(stage) });
    expect([...new Set(stages)]).toEqual(['database', 'audit', 'originals', 'files']);
  });
});
