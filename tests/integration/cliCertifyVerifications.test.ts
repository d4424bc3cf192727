/**
 * `onebag attendance certify` and `onebag verifications`, run in-process (runCli with captured
 * output) over a real data folder: certify lists every warning and refuses without
 * confirmations (and without a note for 缺勤), then certifies with them and files the scan; a
 * check that contradicts the certified register shows in `verifications`, as text and JSON,
 * filtered by county and state.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCertification } from '../../main/core/attendance/common';
import { saveCheck } from '../../main/core/events/checks';
import type { VerificationJson } from '../../main/cli/commands/verifications';
import { type Db } from '../../main/store/db';
import { pdfLibPdf } from '../fixtures/makeFiles';
import { seedTownship, type SeededTownship } from './registerFixture';
import { closeTestDb, openTestDb } from '../fixtures/testDb';
import { onebagLines } from '../fixtures/cliHere';

let dir: string;
let db: Db;
let t: SeededTownship;
let scan: string;

const cli = (...args: string[]) => onebagLines(dir, args);

beforeAll(async () => {
  ({ dir, db } = openTestDb('cli-certify'));
  // 2025-03: 事假 without a leave request (cadre 1), 缺勤 on the 12th (cadre 2), short months
  t = seedTownship(db, 4, { month: '2025-03' });
  scan = path.join(dir, '考勤表扫描件.pdf');
  fs.writeFileSync(scan, await pdfLibPdf(1));
});

afterAll(() => {
  closeTestDb(db, dir);
});

describe('onebag attendance certify', () => {
  const base = () => [
    'attendance',
    'certify',
    '--cadre',
    String(t.cadres[1]!.id),
    '--month',
    '2025-03',
    '--by',
    '孙书记',
    '--scan',
    scan,
    '--sealed',
    '--on',
    '2025-04-03',
  ];

  it('lists the warnings and refuses without confirmations, then without a note for 缺勤', async () => {
    const a = await cli(...base());
    expect(a.code).toBe(1);
    expect(a.out).toMatch(/石门镇2025年3月考勤认定前须逐项确认的问题共 \d+ 项/);
    expect(a.out).toContain('[事假无请假记录]');
    expect(a.out).toContain('[缺勤待说明]');
    expect(a.out).toContain(t.cadres[2]!.name);
    expect(a.err).toContain('未确认上述');
    expect(a.err).toContain('--confirm-all');
    const b = await cli(...base(), '--confirm-all');
    expect(b.code).toBe(1);
    expect(b.err).toContain('有缺勤须说明原因');
    expect(activeCertification(db, t.townshipId, '2025-03')).toBeNull();
    const c = await cli('attendance', 'certify', '--cadre', '999999', '--month', '2025-03', '--by', '孙书记');
    expect(c.code).toBe(1);
    expect(c.err).toContain('找不到干部：999999');
  });

  it('certifies with every warning confirmed, records them and files the scan', async () => {
    const r = await cli(...base(), '--confirm-all', '--note', '经核实，因病未能请假');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('已认定石门镇2025年3月考勤：孙书记签字，2025-04-03');
    const cert = activeCertification(db, t.townshipId, '2025-03')!;
    expect(cert).toMatchObject({ secretaryName: '孙书记', certifiedOn: '2025-04-03' });
    const h = db
      .prepare(`SELECT detail FROM attendance_history WHERE township_id = ? AND month = '2025-03' AND action = 'certify'`)
      .get(t.townshipId) as { detail: string };
    const confirmed = (JSON.parse(h.detail) as { confirmed: Array<{ kind: string; note: string | null }> }).confirmed;
    expect(confirmed.length).toBeGreaterThanOrEqual(2);
    expect(confirmed.find((x) => x.kind === '缺勤待说明')!.note).toBe('经核实，因病未能请假');
    const filed = db
      .prepare('SELECT COUNT(*) FROM materials WHERE title LIKE ?')
      .pluck()
      .get('%2025年3月考勤登记表（签字盖章）%') as number;
    expect(filed).toBe(4);
    // certified once: a second run is refused with the existing certification named
    const again = await cli(...base(), '--confirm-all', '--note', '经核实，因病未能请假');
    expect(again.code).toBe(1);
    expect(again.err).toContain('已由孙书记于');
  });
});

describe('onebag verifications', () => {
  it('lists a 核查 opened by a check that contradicts the certified register, as text and JSON', async () => {
    const empty = await cli('verifications');
    expect(empty).toMatchObject({ code: 0, out: '没有考勤登记不实核查记录' });
    // Tuesday 18 March: cadre 0 is 在岗 on the certified register
    saveCheck(db, {
      check: { townshipId: t.townshipId, level: '县级', kind: '县级抽查', date: '2025-03-18', checker: '县委组织部督查组', findings: '' },
      results: [{ cadreId: t.cadres[0]!.id, onPost: false, reason: '外出未请假' }],
    });
    const text = await cli('verifications', '--county', '岚川县');
    expect(text.code).toBe(0);
    expect(text.out).toContain('考勤登记不实核查共 1 起：待核查 1，属实 0，不属实 0');
    expect(text.out).toContain(t.cadres[0]!.name);
    expect(text.out).toContain('县级抽查（县级，县委组织部督查组）');
    const json = await cli('verifications', '--json', '--state', '待核查');
    const list = JSON.parse(json.out) as VerificationJson[];
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      state: '待核查',
      county: '岚川县',
      township: '石门镇',
      cadre: t.cadres[0]!.name,
      date: '2025-03-18',
      certification: { secretary: '孙书记', certifiedOn: '2025-04-03', active: true },
    });
    expect((await cli('verifications', '--state', '属实')).out).toBe('没有考勤登记不实核查记录');
    const bad = await cli('verifications', '--state', '已办');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('核查状态应为');
    // Saturday 15 March is an unmarked rest day on the register (the county does not count rest
    // days): no claim of presence, so a check that day opens no 核查
    saveCheck(db, {
      check: { townshipId: t.townshipId, level: '县级', kind: '县级抽查', date: '2025-03-15', checker: '县委组织部督查组', findings: '' },
      results: [{ cadreId: t.cadres[1]!.id, onPost: false, reason: '周末回城' }],
    });
    expect(JSON.parse((await cli('verifications', '--json')).out)).toHaveLength(1);
    // stats and alerts show the 核查 kind and the months left 未认定
    const stats = await cli('stats', '--year', '2025', '--county', '岚川县');
    expect(stats.code).toBe(0);
    expect(stats.out).toContain('考勤登记不实核查');
    expect(stats.out).toContain('待核查1起，属实0起，不属实0起');
    expect(stats.out).toMatch(/未认定\d+/);
    const alerts = await cli('alerts', '--year', '2025', '--county', '岚川县');
    expect(alerts.out).toMatch(/考勤登记不实 2/);
    expect(alerts.out).toContain('考勤逾期未认定');
    const noCounty = await cli('verifications', '--county', '无此县');
    expect(noCounty.code).toBe(1);
    expect(noCounty.err).toContain('找不到县（市、区）“无此县”');
  });
});
