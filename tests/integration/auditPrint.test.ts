/**
 * `onebag audit` over a real data directory: the inspector filter, dates, JSON, the printed
 * PDF with Chinese text (read back with pdftotext, page 1 rendered with pdftoppm), usage errors.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../main/core/audit/log';
import { certifyMonth, revokeCertification } from '../../main/core/attendance/certify';
import { recordBlob } from '../../main/core/blobs/rows';
import { createCadre, updateCadre } from '../../main/core/cadres/cadres';
import { addCounty, addTownship } from '../../main/core/org/org';
import { fixToday } from '../../main/core/runtime/clock';
import { isoDateOf } from '../../shared/dates';
import { setSetting } from '../../main/core/runtime/settings';
import { openDatabase } from '../../main/store/db';
import { cadreInput } from '../fixtures/cadreInput';
import { onebagHere } from '../fixtures/cliHere';

let tmp: string;
let dir: string;
/** The business calendar is fixed (no test depends on today); audit stamps stay real time. */
const TODAY = '2025-06-16';
const MONTH = '2025-05';
let realClock: () => void;
/** The local calendar dates of the first and last audit entries, as the clerk would type them. */
let stamped: { from: string; to: string };

const cadre = cadreInput;

beforeAll(() => {
  realClock = fixToday(TODAY);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-auditprint-'));
  dir = path.join(tmp, 'data');
  const db = openDatabase(dir);
  try {
    setSetting(db, 'operator', '组织部王干事');
    const county = addCounty(db, { name: '蒲县', kind: '县' }).id;
    const town = addTownship(db, { countyId: county, name: '城关镇' }).id;
    const c = createCadre(db, cadre(), null);
    updateCadre(db, c.id, cadre({ phone: '13900000000' }));
    const scan = 'ab'.repeat(32);
    recordBlob(db, scan, 10, { kind: 'pdf', mime: 'application/pdf', pageCount: 1, width: null, height: null, orientation: null });
    const input = {
      townshipId: town,
      month: MONTH,
      secretaryName: '王建军',
      certifiedOn: `${MONTH}-28`,
      sealApplied: true,
      scanSha256: scan,
    };
    certifyMonth(db, input);
    setSetting(db, 'operator', '组织部李干事');
    revokeCertification(db, { townshipId: town, month: MONTH, reason: '登记有误，需更正' });
    // As the exchange import records it: entity 'bundle', action 'import'.
    audit(db, 'import', 'bundle', null, { county: '蒲县', year: 2025, added: 12 });
    const at = db.prepare('SELECT MIN(at) AS first, MAX(at) AS last FROM audit_log').get() as { first: string; last: string };
    stamped = { from: isoDateOf(new Date(at.first)), to: isoDateOf(new Date(at.last)) };
  } finally {
    db.close();
  }
});
afterAll(() => {
  realClock();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('onebag audit', () => {
  it('--inspector --json lists the certification, its revocation and the import, newest first', async () => {
    const r = await onebagHere(dir, ['audit', '--inspector', '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Array<{ kind: string; what: string; operator: string; record: string }>;
    expect(rows.map((x) => x.kind)).toEqual(['bundle-import', 'attendance-revoke', 'attendance-certify']);
    expect(rows[1]).toMatchObject({ what: '撤销考勤认定', operator: '组织部李干事' });
    expect(rows[1]!.record).toContain('城关镇');
    expect(rows[2]!.record).toContain('书记王建军');
  });

  it('filters by date and prints the chain status in the table', async () => {
    const future = await onebagHere(dir, ['audit', '--from', '2099-01-01', '--json']);
    expect(JSON.parse(future.stdout)).toEqual([]);
    const t = await onebagHere(dir, ['audit', '--from', stamped.from, '--to', stamped.to]);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('共 7 条');
    expect(t.stdout).toContain('修改干部');
    expect(t.stdout).toContain('审计日志完整（共 7 条');
  });

  it('--print writes a PDF with the entries in Chinese and what changed', async () => {
    const out = path.join(tmp, '审计日志.pdf');
    const r = await onebagHere(dir, ['audit', '--print', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('审计日志 7 条');
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('审计日志');
    expect(text).toContain('审计日志完整（共7条');
    expect(text).toContain('撤销考勤认定');
    expect(text).toContain('组织部李干事');
    expect(text).toContain('登记有误，需更正');
    expect(text).toContain('13812345678→13900000000');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', out, path.join(tmp, 'page')]);
    const png = fs.readdirSync(tmp).find((f) => f.startsWith('page') && f.endsWith('.png'))!;
    fs.copyFileSync(path.join(tmp, png), '/tmp/audit-print-page1.png');
    expect(fs.statSync(path.join(tmp, png)).size).toBeGreaterThan(5000);
  });

  it('refuses a bad date or output name with exit 2', async () => {
    expect((await onebagHere(dir, ['audit', '--from', '2024-13-01'])).code).toBe(2);
    expect((await onebagHere(dir, ['audit', '--print', 'x.txt'])).code).toBe(2);
  });
});
