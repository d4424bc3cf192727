/**
 * Leave approval through the channels, as the renderer sends it: the level that actually
 * approved is recorded (never the level the days require), and the 越权审批 alert compares the
 * two — a township approving 4 days is alerted, the county approving them is not, and the
 * township approving 2 days is not. A level outside the two is refused in Chinese.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type OpenCore } from '../../main/api/open';
import { setSetting } from '../../main/core/runtime/settings';
import { handlerCalls } from '../fixtures/handlerCalls';
import { seedTownship, type SeededTownship } from './registerFixture';

let dir: string;
let core: OpenCore;
let t: SeededTownship;
const { ok, refused } = handlerCalls(() => core);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onebag-leave-level-'));
  core = openCore({ dataDir: dir, host: { kind: 'cli', blobUrl: (s) => `blob:${s}` } });
  setSetting(core.ctx.db, 'operator', '组织部刘干事');
  t = seedTownship(core.ctx.db, 3, { month: '2025-03', marks: false });
});

afterAll(() => {
  core.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const add = (cadreId: number, start: string, end: string) =>
  ok('attendance.leave.add', { cadreId, type: '事假', start, startHalf: '上', end, endHalf: '下', reason: '家中老人住院陪护' });

describe('leave approval level through the channels', () => {
  it('records the approving level and alerts only when it is below the required one', async () => {
    const [a, b, c] = t.cadres;
    const four = await add(a!.id, '2025-04-07', '2025-04-10');
    expect(four).toMatchObject({ status: '待审批', requiredLevel: '县委组织部', approvalLevel: null });
    expect(await refused('attendance.leave.approve', { leaveId: four.id, approver: '孙书记', approverLevel: '村委' })).toContain(
      '审批层级应为',
    );
    const byTownship = await ok('attendance.leave.approve', { leaveId: four.id, approver: '孙书记', approverLevel: '乡镇党委' });
    expect(byTownship).toMatchObject({ status: '已批准', approver: '孙书记', approvalLevel: '乡镇党委', requiredLevel: '县委组织部' });

    const byCounty = await ok('attendance.leave.approve', {
      leaveId: (await add(b!.id, '2025-04-07', '2025-04-10')).id,
      approver: '王部长',
      approverLevel: '县委组织部',
    });
    expect(byCounty).toMatchObject({ approvalLevel: '县委组织部', requiredLevel: '县委组织部' });
    const two = await add(c!.id, '2025-04-07', '2025-04-08');
    expect(two.requiredLevel).toBe('乡镇党委');
    await ok('attendance.leave.approve', { leaveId: two.id, approver: '孙书记', approverLevel: '乡镇党委' });

    const alerts = (await ok('alerts.list', { year: 2025 })).filter((x) => x.kind === '请假越权审批');
    expect(alerts.map((x) => x.cadreName)).toEqual([a!.name]);
    expect(alerts[0]!.message).toContain('实由乡镇党委（孙书记）批准');
  });

  it('filters 核查 by state and refuses an unknown state in Chinese', async () => {
    expect(await ok('verifications.list', { state: '待核查' })).toEqual([]);
    expect(await refused('verifications.list', { state: '已办' })).toContain('核查状态应为');
  });
});
