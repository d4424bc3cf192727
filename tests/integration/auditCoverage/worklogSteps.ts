/** Steps of work logs, reports and their dues, 调度 meetings. */
import { id, lifecycleSteps, ok, stage, type Step, YEAR } from './harness';
import { attach, logRow, logSheet, material, pdf } from './fixtures';

export const worklogSteps: Step[] = [
  ...lifecycleSteps('worklog', 'worklog', 'place', {
    create: async () => (id.log = (await ok('worklog.save', { cadreId: id.zhang!, rows: [logRow('北村')] })).ids[0]!),
    update: async () => ok('worklog.save', { cadreId: id.zhang!, rows: [logRow('南村', { id: id.log! })] }),
    delete: async () => ok('worklog.remove', { id: id.log! }),
  }),
  {
    kind: 'worklog file removed',
    entity: 'worklog',
    action: 'update',
    field: 'files',
    run: async () => {
      const [logId] = (
        await ok('worklog.save', {
          cadreId: id.zhang!,
          rows: [{ ...logRow('北村'), files: [await stage('走访照片.pdf', await pdf('visit'))] }],
        })
      ).ids;
      const entry = (await ok('worklog.list', { cadreId: id.zhang!, year: YEAR })).find((e) => e.id === logId)!;
      await ok('worklog.removeFile', { entryId: logId!, sha256: entry.files[0]!.sha256 });
    },
  },
  {
    kind: 'worklog import',
    entity: 'worklog',
    action: 'import',
    field: 'place',
    run: async () => ok('worklog.importCommit', { cadreId: id.zhang!, token: await stage('日志.xlsx', await logSheet()), year: YEAR }),
  },
  {
    kind: 'report due rules',
    entity: 'rule_settings',
    action: 'create',
    has: 'any',
    run: async () => ok('rules.set', { countyId: id.county!, year: YEAR, patch: { quarterDueDays: 15, halfDueDays: 20 }, note: null }),
  },
  ...lifecycleSteps('report due', 'report_due', 'due_date', {
    create: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: '2024-07-20' }),
    update: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: '2024-07-31' }),
    delete: async () => ok('reports.setDue', { cadreId: id.zhang!, period: '2024-Q2', dueDate: null }),
  }),
  {
    kind: 'report create',
    entity: 'report_submission',
    action: 'create',
    field: 'material_id',
    run: async () =>
      ok('reports.submit', {
        cadreId: id.zhang!,
        period: '2024-Q2',
        submittedOn: '2024-07-05',
        materialId: await attach('二季度汇报', '工作汇报'),
      }),
  },
  {
    kind: 'report update',
    entity: 'report_submission',
    action: 'update',
    field: 'submitted_on',
    run: async () =>
      ok('reports.submit', {
        cadreId: id.zhang!,
        period: '2024-Q2',
        submittedOn: '2024-07-08',
        materialId: await attach('二季度汇报（改）', '工作汇报'),
      }),
  },
  {
    kind: 'report routed',
    entity: 'report_route',
    action: 'create',
    field: 'recipient',
    run: async () =>
      ok('scheduling.routeReport', {
        cadreId: id.zhang!,
        kind: '季度报告',
        period: '2024-Q2',
        recipientKind: '派出单位',
        recipient: '县财政局',
        sentOn: '2024-07-10',
      }),
  },
  {
    kind: '调度 meeting',
    entity: 'scheduling_meeting',
    action: 'create',
    has: 'any',
    run: async () =>
      ok('scheduling.save', {
        countyId: id.county!,
        year: YEAR,
        quarter: 2,
        meetingDate: '2024-06-28',
        progress: [{ cadreId: id.zhang!, progress: '食用菌大棚开工建设' }],
      }),
  },
  {
    kind: 'report link confirmed',
    entity: 'report_submission',
    action: 'update',
    has: 'any',
    run: async () => {
      // A 工作汇报 dated in October is linked to Q3 at intake (待确认) until the clerk confirms it.
      const file = await stage('三季度汇报.pdf', await pdf(`report ${Date.now()}`));
      const { id: materialId } = await ok('bag.add', {
        cadreId: id.zhang!,
        material: { ...material('三季度汇报', '工作汇报'), date: '2024-10-05' },
        files: [file],
      });
      const link = await ok('reports.linkOfMaterial', { materialId });
      return ok('reports.confirmLink', { cadreId: id.zhang!, period: link!.period });
    },
  },
  {
    kind: 'report delete',
    entity: 'report_submission',
    action: 'delete',
    field: 'material_id',
    run: async () => ok('reports.unsubmit', { cadreId: id.zhang!, period: '2024-Q2' }),
  },
];
