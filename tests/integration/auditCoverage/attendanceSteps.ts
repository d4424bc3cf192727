/** Steps of attendance: cells, certification, leave, holidays, five-must events, checks, verifications. */
import { id, lifecycleSteps, ok, stage, type Step, YEAR } from './harness';
import { check, event, monthSheet, pdf } from './fixtures';

export const attendanceSteps: Step[] = [
  {
    kind: 'attendance cells',
    entity: 'attendance_month',
    action: 'update',
    field: /2025-03-03/,
    run: async () =>
      ok('attendance.setCells', {
        townshipId: id.t1!,
        month: '2025-03',
        edits: [{ cadreId: id.zhang!, date: '2025-03-03', code: '事假' }],
      }),
  },
  {
    // The county's attendance rules are versioned rules (规则设置), effective from a year.
    kind: 'attendance rules',
    entity: 'rule_settings',
    action: 'create',
    has: 'any',
    run: async () => ok('rules.set', { countyId: id.county!, year: YEAR, patch: { monthlyMinimum: 22 }, note: null }),
  },
  {
    kind: 'certification create',
    entity: 'attendance_certification',
    action: 'create',
    field: 'secretary_name',
    run: async () => {
      const scanToken = await stage('考勤表.pdf', await pdf('signed register'));
      // Each warning (事假 without leave, a short month) is confirmed one by one, as the dialog asks.
      const warnings = await ok('attendance.certify.warnings', { townshipId: id.t1!, month: '2025-03' });
      const confirmations = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '已核实' } : {}) }));
      await ok('attendance.certify', {
        townshipId: id.t1!,
        month: '2025-03',
        secretaryName: '孙书记',
        certifiedOn: '2025-04-03',
        sealApplied: true,
        scanToken,
        confirmations,
      });
    },
  },
  {
    kind: 'certification revoke',
    entity: 'attendance_certification',
    action: 'update',
    field: 'revoked_reason',
    run: async () => ok('attendance.revoke', { townshipId: id.t1!, month: '2025-03', reason: '纸质表漏记一天缺勤' }),
  },
  { kind: 'material marked revoked', entity: 'material', action: 'update', field: 'notes' },
  {
    kind: 'leave create',
    entity: 'leave_request',
    action: 'create',
    field: 'reason',
    run: async () =>
      (id.leave = (
        await ok('attendance.leave.add', {
          cadreId: id.zhang!,
          type: '事假',
          start: '2025-04-07',
          startHalf: '上',
          end: '2025-04-07',
          endHalf: '下',
          reason: '家中有事',
        })
      ).id),
  },
  {
    kind: 'leave approve',
    entity: 'leave_request',
    action: 'update',
    field: 'status',
    run: async () => ok('attendance.leave.approve', { leaveId: id.leave!, approver: '孙书记' }),
  },
  {
    kind: 'leave return',
    entity: 'leave_request',
    action: 'update',
    field: /return/i,
    run: async () => ok('attendance.leave.return', { leaveId: id.leave!, returnedOn: '2025-04-08' }),
  },
  {
    kind: 'leave reject',
    entity: 'leave_request',
    action: 'update',
    field: 'status',
    run: async () => {
      const l = await ok('attendance.leave.add', {
        cadreId: id.zhang!,
        type: '事假',
        start: '2025-04-14',
        startHalf: '上',
        end: '2025-04-14',
        endHalf: '下',
        reason: '家中有事',
      });
      await ok('attendance.leave.reject', { leaveId: l.id, approver: '孙书记' });
    },
  },
  {
    kind: 'attendance import',
    entity: 'attendance_month',
    action: 'update',
    field: /2025-05-06/,
    run: async () =>
      ok('attendance.import.commit', {
        token: await stage('五月考勤.xlsx', await monthSheet({ 6: '事假', 12: '√' })),
        townshipId: id.t1!,
        month: '2025-05',
      }),
  },
  {
    kind: 'holiday create',
    entity: 'holiday',
    action: 'create',
    field: 'name',
    run: async () => ok('attendance.holidays.set', { date: '2025-03-12', kind: 'holiday', name: '植树节' }),
  },
  {
    kind: 'holiday update',
    entity: 'holiday',
    action: 'update',
    field: 'kind',
    run: async () => ok('attendance.holidays.set', { date: '2025-03-12', kind: 'workday', name: '植树节' }),
  },
  {
    kind: 'holiday delete',
    entity: 'holiday',
    action: 'delete',
    field: 'name',
    run: async () => ok('attendance.holidays.delete', { date: '2025-03-12' }),
  },
  ...lifecycleSteps('five-must', 'must_attend_event', 'title', {
    create: async () => (id.event = (await ok('events.save', event('镇党委扩大会'))).id),
    update: async () => ok('events.save', { id: id.event!, ...event('镇党委扩大会议') }),
    delete: async () => ok('events.remove', { id: id.event! }),
  }),
  ...lifecycleSteps('check', 'check', 'checker', {
    create: async () => (id.check = (await ok('checks.save', check('县委组织部'))).id),
    update: async () => ok('checks.save', { id: id.check!, ...check('县委督查室') }),
    delete: async () => ok('checks.remove', { id: id.check! }),
  }),
  {
    kind: 'city leader create',
    entity: 'city_leader',
    action: 'create',
    field: 'contracts',
    run: async () =>
      (id.leader = (
        await ok('leaders.save', {
          name: '王建国',
          title: '市委组织部副部长',
          contracts: [{ countyId: id.county!, start: '2024-01-01', end: null }],
        })
      ).id),
  },
  {
    kind: 'city leader update',
    entity: 'city_leader',
    action: 'update',
    field: 'position',
    run: async () =>
      ok('leaders.save', {
        id: id.leader!,
        name: '王建国',
        title: '市委组织部常务副部长',
        contracts: [{ countyId: id.county!, start: '2024-01-01', end: null }],
      }),
  },
  {
    kind: 'check names its city leader',
    entity: 'check_leader',
    action: 'update',
    field: 'leader',
    run: async () => {
      const c = check('市委组织部督查组');
      id.cityCheck = (await ok('checks.save', { ...c, check: { ...c.check, level: '市级', kind: '市级暗访' } })).id;
      await ok('leaders.year', { year: YEAR });
      return ok('leaders.linkCheck', { checkId: id.cityCheck, leaderId: id.leader! });
    },
  },
  {
    kind: 'check leader cleared',
    entity: 'check_leader',
    action: 'update',
    field: 'leader',
    run: async () => ok('leaders.linkCheck', { checkId: id.cityCheck!, leaderId: null }),
  },
  {
    kind: 'city leader delete',
    entity: 'city_leader',
    action: 'delete',
    field: 'name',
    run: async () => {
      await ok('leaders.list', {});
      return ok('leaders.remove', { id: id.leader! });
    },
  },
  {
    kind: 'check against a certified register',
    entity: 'register_verification',
    action: 'create',
    field: 'finding',
    run: async () => {
      const warnings = await ok('attendance.certify.warnings', { townshipId: id.t1!, month: '2025-05' });
      const confirmations = warnings.map((w) => ({ key: w.key, ...(w.needsNote ? { note: '已核实' } : {}) }));
      const scanToken = await stage('五月考勤表.pdf', await pdf('signed May register'));
      await ok('attendance.certify', {
        townshipId: id.t1!,
        month: '2025-05',
        secretaryName: '孙书记',
        certifiedOn: '2025-06-03',
        sealApplied: true,
        scanToken,
        confirmations,
      });
      const c = check('县委督查室');
      await ok('checks.save', {
        ...c,
        check: { ...c.check, date: '2025-05-12' },
        results: [{ cadreId: id.zhang!, onPost: false, reason: '外出未请假' }],
      });
    },
  },
  {
    kind: 'verification conclude',
    entity: 'register_verification',
    action: 'update',
    field: 'outcome',
    run: async () => {
      const [v] = await ok('verifications.list', { year: 2025, countyId: id.county! });
      await ok('verifications.conclude', {
        id: v!.id,
        explanation: '当日在县里参加培训，有签到表',
        outcome: '不属实',
        concludedOn: '2025-06-20',
      });
    },
  },
];
