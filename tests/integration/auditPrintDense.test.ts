/**
 * The printed audit log is dense and Chinese (issue 11, L; issue 14 finding 4): a county's
 * log fits 269 entries in about 15 landscape pages, fields read as labels with names
 * instead of ids (所属县：岚川县), hashes as file names, no raw keys.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenCore } from '../../main/api/open';
import { audit } from '../../main/core/audit/log';
import { getAudit } from '../../main/core/audit/query';
import { auditPdf } from '../../main/dossier/auditPrint/auditPdf';
import { diffFields } from '../../shared/audit';
import { openDemoCopy, removeDemoCopy } from '../fixtures/demoCopy';

let dir: string;
let core: OpenCore;
let pdfFile: string;
let entries = 0;

beforeAll(async () => {
  ({ dir, core } = await openDemoCopy('auditdense')); // the demo county, prepared once per run
  const db = core.ctx.db;
  const cadres = db.prepare('SELECT id, name, phone FROM cadres ORDER BY id').all() as Array<{
    id: number;
    name: string;
    phone: string | null;
  }>;
  const sha = (db.prepare('SELECT sha256 FROM material_files LIMIT 1').get() as { sha256: string }).sha256;
  const fileName = (db.prepare('SELECT original_name AS n FROM material_files WHERE sha256 = ?').get(sha) as { n: string }).n;
  // a year of edits on top of the demo: phone numbers, moves, key and bundle events
  for (let i = 0; i < 100; i++) {
    const c = cadres[i % cadres.length]!;
    audit(
      db,
      'update',
      'cadre',
      c.id,
      { name: c.name },
      {
        before: {
          id: c.id,
          name: c.name,
          phone: `1390000${String(i).padStart(4, '0')}`,
          township_id: 1,
          updated_at: '2025-03-01T08:00:00Z',
        },
        after: {
          id: c.id,
          name: c.name,
          phone: `1390001${String(i).padStart(4, '0')}`,
          township_id: i === 0 ? 2 : 1,
          updated_at: '2025-03-02T08:00:00Z',
        },
      },
    );
  }
  audit(db, 'create', 'signing_key', null, { fingerprint: 'AB12CD34', publicKey: 'MCowBQYDK2VwAyEA' });
  audit(db, 'export', 'bundle', null, { bundleId: 'b-2025-001', cadreIds: cadres.slice(0, 3).map((c) => c.id), county: '岚川县' });
  audit(
    db,
    'update',
    'material',
    1,
    { title: '调研报告' },
    { before: { scan_sha256: null, seal_applied: 0 }, after: { scan_sha256: sha, seal_applied: 1 } },
  );
  entries = (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  pdfFile = path.join(dir, 'audit.pdf');
  const r = await auditPdf(db, {}, { now: new Date('2026-01-05T02:00:00Z') });
  fs.writeFileSync(pdfFile, r.pdf);
  expect(fileName.length).toBeGreaterThan(0);
}, 180_000);

afterAll(() => removeDemoCopy(core, dir));

const text = () => execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });

describe('printed audit log', () => {
  it('fits 269 entries in 15 pages (the demo year holds many more: the same density)', () => {
    expect(entries).toBeGreaterThanOrEqual(269);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
    expect(entries / pages).toBeGreaterThanOrEqual(269 / 15 - 3); // ≥ 15 entries a page on average
    expect(text().replace(/\s+/g, '')).toContain(`共${entries}条`);
  });

  it('prints Chinese labels, names for ids and file names for hashes — no raw keys', () => {
    const t = text();
    const flat = t.replace(/\s+/g, '');
    expect(flat).toContain('所属乡镇：石门镇→柳河乡');
    expect(flat).toContain('联系电话：');
    expect(flat).toContain('新增本机签名'); // the 操作 cell wraps: 新增本机签名 / 密钥
    expect(flat).toContain('导出数据包');
    expect(flat).toContain('已盖章：否→是');
    // no snake_case or camelCase field names, no bare hashes
    expect(t.match(/\b[a-z]+_[a-z_]+\b/g) ?? []).toEqual([]);
    expect(t.match(/\b[a-z]+[A-Z][A-Za-z]+\b/g) ?? []).toEqual([]);
    expect(t.match(/[0-9a-f]{64}/g) ?? []).toEqual([]);
  });

  it('the drawer gets the same words: names behind ids and hashes', () => {
    const db = core.ctx.db;
    const id = (
      db
        .prepare(`SELECT max(id) AS id FROM audit_log WHERE entity = 'material' AND before = '{"scan_sha256":null,"seal_applied":0}'`)
        .get() as { id: number }
    ).id;
    const e = getAudit(db, id);
    const rows = diffFields(e.before, e.after, { entity: e.entity, names: e.names });
    const scan = rows.find((r) => r.field === 'scan_sha256')!;
    expect(scan.label).toBe('认定扫描件');
    expect(scan.after).toMatch(/\.[a-z]+$/); // the file's name, not its hash
    const bundle = getAudit(
      db,
      (db.prepare("SELECT max(id) AS id FROM audit_log WHERE entity = 'bundle' AND action = 'export'").get() as { id: number }).id,
    );
    const detail = diffFields(undefined, bundle.detail, { entity: bundle.entity, names: bundle.names });
    expect(detail.map((d) => d.label)).toEqual(['数据包', '干部', '县（市、区）']);
    expect(detail[1]!.after.split('、')).toHaveLength(3);
    expect(detail[1]!.after).not.toMatch(/\d/);
  });
});
