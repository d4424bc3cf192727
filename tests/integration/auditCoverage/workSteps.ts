/** Steps of work: plans, projects, weak villages, village incomes, allowances, insurance, pledges. */
import { makeIdNumber } from '../../fixtures/makeRoster';
import { id, lifecycleSteps, ok, stage, type Step, YEAR } from './harness';
import { cadre, dayAfter, incomeSheet, pdf, plan, pledge, policy, project } from './fixtures';

export const workSteps: Step[] = [
  ...lifecycleSteps('plan', 'plan', 'title', {
    create: async () => (id.plan = (await ok('work.plans.save', plan('2024年工作计划'))).id),
    update: async () => ok('work.plans.save', plan('2024年度工作计划', { id: id.plan! })),
    delete: async () => ok('work.plans.remove', { id: id.plan! }),
  }),
  {
    kind: 'project create',
    entity: 'project',
    action: 'create',
    field: 'name',
    run: async () => (id.project = (await ok('work.projects.save', { project: project('食用菌大棚') })).id),
  },
  {
    kind: 'project update',
    entity: 'project',
    action: 'update',
    field: 'name',
    run: async () => ok('work.projects.save', { id: id.project!, project: project('食用菌大棚二期') }),
  },
  {
    kind: 'project publicise',
    entity: 'project',
    action: 'update',
    field: 'publicisedPlace',
    run: async () => ok('work.projects.publicise', { id: id.project!, date: '2024-05-10', place: '南村村务公开栏' }),
  },
  {
    kind: 'park revenue',
    entity: 'project',
    action: 'update',
    field: 'revenue',
    run: async () => {
      const p = await ok('work.projects.save', { project: { ...project('产业园大棚'), inPark: true } });
      await ok('work.projects.setRevenue', { id: p.id, year: YEAR, revenueFen: 1_000_000 });
    },
  },
  {
    kind: 'project delete',
    entity: 'project',
    action: 'delete',
    field: 'name',
    run: async () => ok('work.projects.remove', { id: id.project! }),
  },
  {
    kind: 'weak village create',
    entity: 'weak_village',
    action: 'create',
    field: 'listed_year',
    run: async () => ok('work.weak.save', { villageId: id.v2!, listedYear: YEAR, notes: null }),
  },
  {
    kind: 'weak village update',
    entity: 'weak_village',
    action: 'update',
    field: 'notes',
    run: async () => ok('work.weak.save', { villageId: id.v2!, listedYear: YEAR, notes: '村集体收入不足5万元' }),
  },
  ...lifecycleSteps('village income', 'village_income', 'income_fen', {
    create: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: 3_200_000 }),
    update: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: 3_500_000 }),
    delete: async () => ok('work.weak.setIncome', { villageId: id.v2!, year: YEAR, incomeFen: null }),
  }),
  {
    kind: 'village incomes typed',
    entity: 'village_income',
    action: 'create',
    field: 'income_fen',
    run: async () =>
      ok('villages.income.save', { countyId: id.county!, year: YEAR, entries: [{ villageId: id.v1!, incomeFen: 6_000_000 }] }),
  },
  {
    kind: 'village incomes imported',
    entity: 'village_income',
    action: 'update',
    field: 'income_fen',
    run: async () =>
      ok('villages.income.commitImport', {
        token: await stage('村集体收入.xlsx', await incomeSheet(7_000_000)),
        countyId: id.county!,
        year: YEAR,
      }),
  },
  {
    kind: 'programme',
    entity: 'county_programme',
    action: 'update',
    has: 'any',
    run: async () => ok('villages.programme.save', { countyId: id.county!, startYear: 2021, holdAllowance: false }),
  },
  {
    kind: 'weak village supporters',
    entity: 'weak_village',
    action: 'update',
    field: 'supporters',
    run: async () => ok('work.weak.setSupporters', { villageId: id.v2!, cadreIds: [id.zhang!] }),
  },
  {
    kind: 'weak village action',
    entity: 'weak_action',
    action: 'create',
    field: 'action',
    run: async () => {
      const [w] = await ok('work.weak.list', { villageId: id.v2! });
      const m = w!.supporters.find((x) => x.cadreId === id.zhang!)!.milestones.find((x) => x.requiredAction !== null)!;
      const date = dayAfter(m.dueDate);
      await ok('work.weak.recordAction', {
        villageId: id.v2!,
        cadreId: id.zhang!,
        milestone: m.kind,
        action: m.requiredAction!,
        date,
        by: '县委组织部',
        notes: null,
      });
    },
  },
  {
    kind: 'milestone create',
    entity: 'weak_milestone',
    action: 'create',
    field: 'description',
    run: async () =>
      ok('work.weak.setMilestone', {
        villageId: id.v2!,
        kind: '发展思路',
        date: '2024-09-01',
        description: '发展食用菌',
        evidenceTokens: [await stage('会议纪要.pdf', await pdf('minutes'))],
      }),
  },
  {
    kind: 'milestone update',
    entity: 'weak_milestone',
    action: 'update',
    field: 'description',
    run: async () =>
      ok('work.weak.setMilestone', {
        villageId: id.v2!,
        kind: '发展思路',
        date: '2024-09-01',
        description: '发展食用菌和庭院经济',
        evidenceTokens: [],
      }),
  },
  {
    kind: 'milestone delete',
    entity: 'weak_milestone',
    action: 'delete',
    field: 'files',
    run: async () => ok('work.weak.clearMilestone', { villageId: id.v2!, kind: '发展思路' }),
  },
  {
    kind: 'recall and successor',
    entity: 'cadre',
    action: 'move',
    field: 'posting',
    run: async () => {
      const [w] = await ok('work.weak.list', { villageId: id.v2! });
      const m = w!.supporters.find((x) => x.cadreId === id.zhang!)!.milestones.find((x) => x.requiredAction === '召回调换')!;
      const date = dayAfter(m.dueDate);
      await ok('work.weak.recordAction', {
        villageId: id.v2!,
        cadreId: id.zhang!,
        milestone: m.kind,
        action: '召回调换',
        date,
        by: '县委组织部',
        notes: null,
      });
      const successor = await ok('cadres.create', { cadre: cadre('钱七', makeIdNumber('110101', '1986-09-09', 19, true)), posting: null });
      const [vacancy] = (await ok('work.weak.list', { villageId: id.v2! }))[0]!.awaitingSuccessor;
      await ok('work.weak.appointSuccessor', { villageId: id.v2!, actionId: vacancy!.actionId, cadreId: successor.id, start: date });
    },
  },
  {
    kind: 'weak village delete',
    entity: 'weak_village',
    action: 'delete',
    field: 'listed_year',
    // 南村 has 约谈/召回调换 on record and so stays listed; 北村 was listed by mistake.
    run: async () => {
      await ok('work.weak.save', { villageId: id.v1!, listedYear: YEAR, notes: null });
      await ok('work.weak.remove', { villageId: id.v1! });
    },
  },
  {
    kind: 'allowance standard',
    entity: 'work_setting',
    action: 'update',
    field: 'allowanceMonthlyFen',
    run: async () => ok('work.support.setAllowanceStandard', { monthlyFen: 150_000 }),
  },
  {
    kind: 'allowance create',
    entity: 'allowance_payment',
    action: 'create',
    field: 'amount_fen',
    run: async () => {
      const city = await ok('cadres.create', {
        cadre: cadre('赵六', makeIdNumber('110101', '1987-05-05', 17, true), '市级'),
        posting: { townshipId: id.t1!, villageId: id.v1!, start: '2024-01-01', end: null },
      });
      id.city = city.id;
      id.payment = (
        await ok('work.support.addPayment', {
          cadreId: city.id,
          year: YEAR,
          quarter: 1,
          amountFen: 100_000,
          paidOn: '2024-04-10',
          notes: null,
        })
      ).id;
    },
  },
  {
    kind: 'allowance delete',
    entity: 'allowance_payment',
    action: 'delete',
    field: 'amount_fen',
    run: async () => ok('work.support.removePayment', { id: id.payment! }),
  },
  ...lifecycleSteps('insurance', 'insurance_policy', 'insurer', {
    create: async () => (id.policy = (await ok('work.support.savePolicy', policy('人保财险'))).id),
    update: async () => ok('work.support.savePolicy', policy('平安财险', { id: id.policy! })),
    delete: async () => ok('work.support.removePolicy', { id: id.policy! }),
  }),
  {
    kind: 'pledge create',
    entity: 'unit_pledge',
    action: 'create',
    field: 'funds_fen',
    run: async () => ok('work.support.savePledge', pledge(5_000_000)),
  },
  {
    kind: 'pledge update',
    entity: 'unit_pledge',
    action: 'update',
    field: 'funds_fen',
    run: async () => ok('work.support.savePledge', pledge(8_000_000)),
  },
];
