/** Steps of cadres, the roster import and the bag. */
import { makeIdNumber } from '../../fixtures/makeRoster';
import { id, ok, stage, type Step } from './harness';
import { attach, cadre, material, rosterCsv, ZHANG_ID } from './fixtures';

export const cadresSteps: Step[] = [
  {
    kind: 'cadre create',
    entity: 'cadre',
    action: 'create',
    field: 'id_number',
    run: async () =>
      (id.zhang = (
        await ok('cadres.create', {
          cadre: cadre('张三', ZHANG_ID),
          posting: { townshipId: id.t1!, villageId: id.v1!, start: '2024-01-01', end: null },
        })
      ).id),
  },
  {
    kind: 'cadre update',
    entity: 'cadre',
    action: 'update',
    field: 'phone',
    run: async () => ok('cadres.update', { id: id.zhang!, cadre: cadre('张三', ZHANG_ID, '县级', '13900000000') }),
  },
  {
    kind: 'cadre delete',
    entity: 'cadre',
    action: 'delete',
    field: 'name',
    run: async () => {
      const c = await ok('cadres.create', { cadre: cadre('李四', makeIdNumber('110101', '1990-07-15', 13, true)), posting: null });
      await ok('cadres.remove', { id: c.id });
    },
  },
  {
    kind: 'posting',
    entity: 'cadre',
    action: 'move',
    field: 'posting',
    run: async () =>
      ok('cadres.addPosting', { cadreId: id.zhang!, posting: { townshipId: id.t1!, villageId: id.v2!, start: '2024-06-01', end: null } }),
  },
  {
    kind: 'roster import (new cadre)',
    entity: 'cadre',
    action: 'import',
    field: 'postings',
    run: async () => {
      const csv = rosterCsv([
        {
          姓名: '王五',
          性别: '男',
          身份证号: makeIdNumber('110101', '1988-02-02', 15, true),
          任职类型: '驻村工作队员',
          '县(市、区)': '乙县',
          乡镇: '东镇',
          村: '东村',
          任职开始: '2024-03-01',
        },
      ]);
      const token = await stage('花名册.csv', csv);
      const { warnings } = await ok('roster.preview', { token });
      await ok('roster.commit', { token, confirmed: warnings.map((w) => w.key) });
    },
  },
  {
    kind: 'roster import (update)',
    entity: 'cadre',
    action: 'import',
    has: 'both',
    field: 'phone',
    run: async () => {
      const row = {
        姓名: '张三',
        性别: '男',
        身份证号: ZHANG_ID,
        联系电话: '13700000000',
        任职类型: '村党组织第一书记',
        '县(市、区)': '义县',
        乡镇: '七里河镇',
        村: '南村',
        任职开始: '2024-06-01',
      };
      const token = await stage('花名册.csv', rosterCsv([row]));
      const { warnings } = await ok('roster.preview', { token });
      await ok('roster.commit', { token, confirmed: warnings.map((w) => w.key) });
    },
  },
  {
    kind: 'material create',
    entity: 'material',
    action: 'attach',
    field: 'title',
    run: async () => (id.material = await attach('三年工作规划')),
  },
  {
    kind: 'material update',
    entity: 'material',
    action: 'update',
    field: 'title',
    run: async () => ok('bag.update', { id: id.material!, material: material('三年工作规划（修订）') }),
  },
  {
    kind: 'material delete',
    entity: 'material',
    action: 'delete',
    field: 'title',
    run: async () => ok('bag.remove', { id: await attach('作废材料') }),
  },
];
