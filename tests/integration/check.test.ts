/** `onebag check` over real SQLite and real files: clean, altered, deleted and orphan originals. */
import Database from 'better-sqlite3';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkIntegrity } from '../../main/exchange/integrity/check';
import { onebagHere } from '../fixtures/cliHere';
import { copySetUpDemo } from '../fixtures/demoFolder';
import { copyFolder } from '../fixtures/folderCopy';

let tmp: string;
let demoDir: string;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-check-'));
  demoDir = path.join(tmp, 'demo');
  await copySetUpDemo(demoDir); // the demo county with first run complete, prepared once per run
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A fresh copy of the demo data directory for one test to damage. */
const freshCopy = () => copyFolder(demoDir, tmp);

/** One original used by a material, with its path. */
function someBlob(dir: string): { sha256: string; file: string; rel: string } {
  const db = new Database(path.join(dir, 'onebag.sqlite'), { readonly: true });
  try {
    const sha256 = db.prepare('SELECT sha256 FROM material_files ORDER BY material_id, position LIMIT 1').pluck().get() as string;
    const rel = `blobs/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
    return { sha256, rel, file: path.join(dir, rel) };
  } finally {
    db.close();
  }
}

describe('onebag check', () => {
  it('finds nothing in a clean data directory; --json exits 0', async () => {
    expect(await checkIntegrity(demoDir)).toEqual([]);
    const r = await onebagHere(demoDir, ['check', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ ok: true, errors: 0, warnings: 0, findings: [] });
    const t = await onebagHere(demoDir, ['check']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('未发现问题');
  });

  it('reports an altered original with what to do; --json exits 1', async () => {
    const dir = freshCopy();
    const { sha256, file, rel } = someBlob(dir);
    fs.chmodSync(file, 0o644);
    const bytes = fs.readFileSync(file);
    bytes[10] = bytes[10]! ^ 0x01;
    fs.writeFileSync(file, bytes);

    const findings = await checkIntegrity(dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', kind: 'original-mismatch', file: rel, sha256 });
    expect(findings[0]!.message).toContain('SHA-256 不符');
    expect(findings[0]!.message).toContain('的材料《');
    expect(findings[0]!.advice).toContain('备份');

    const r = await onebagHere(dir, ['check', '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.errors).toBe(1);
    expect(json.findings[0].kind).toBe('original-mismatch');
    const t = await onebagHere(dir, ['check']);
    expect(t.code).toBe(1);
    expect(t.stdout).toContain('处理办法：');
  });

  it('reports a deleted original as missing, naming the material', async () => {
    const dir = freshCopy();
    const { sha256, file, rel } = someBlob(dir);
    fs.rmSync(file, { force: true });
    const findings = await checkIntegrity(dir);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', kind: 'missing-original', file: rel, sha256 });
    expect(findings[0]!.message).toContain(`原件文件缺失：${rel}`);
    expect(findings[0]!.advice).toContain('onebag restore');
    expect((await onebagHere(dir, ['check', '--json'])).code).toBe(1);
  });

  it('reports an orphan file as a warning (exit 0) with advice', async () => {
    const dir = freshCopy();
    const content = Buffer.from('不属于任何材料的文件');
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    const rel = `blobs/${sha256.slice(0, 2)}/${sha256.slice(2)}`;
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), content);
    fs.writeFileSync(path.join(dir, 'blobs', 'notes.txt'), 'x');

    const findings = await checkIntegrity(dir);
    expect(findings.map((f) => f.kind).sort()).toEqual(['orphan-original', 'stray-file']);
    const orphan = findings.find((f) => f.kind === 'orphan-original')!;
    expect(orphan).toMatchObject({ severity: 'warning', file: rel, sha256 });
    expect(orphan.advice).toContain('删除');

    const r = await onebagHere(dir, ['check', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, errors: 0, warnings: 2 });
  });

  it('reports a record whose original is not registered', async () => {
    const dir = freshCopy();
    const db = new Database(path.join(dir, 'onebag.sqlite'));
    const ghost = 'f'.repeat(64);
    db.pragma('foreign_keys = OFF');
    const row = db.prepare('SELECT material_id, position FROM material_files LIMIT 1').get() as { material_id: number; position: number };
    db.prepare('UPDATE material_files SET sha256 = ? WHERE material_id = ? AND position = ?').run(ghost, row.material_id, row.position);
    db.close();
    const findings = await checkIntegrity(dir);
    expect(findings.find((f) => f.kind === 'dangling-reference')).toMatchObject({ severity: 'error', sha256: ghost });
  });

  it('says so when the data directory holds no database', async () => {
    const findings = await checkIntegrity(path.join(tmp, 'empty'));
    expect(findings).toEqual([expect.objectContaining({ kind: 'no-database', severity: 'error' })]);
  });
});
