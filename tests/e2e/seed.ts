/**
 * Fast seeding through the real channels (no demo load): one county, two townships with villages,
 * a unit and N cadres posted to villages. Used by the clerk-flow specs.
 */
import type { Page } from '@playwright/test';
import type { AppHandle } from './fixtures';
import { ownCountyIds } from '../../main/core/lookup';
import { setRules } from '../../main/core/rules/settings';
import { makeIdNumber } from '../fixtures/makeRoster';
import { invoke } from './helpers';

export interface SmallCounty {
  countyId: number;
  townships: { id: number; name: string; villages: { id: number; name: string }[] }[];
  cadres: { id: number; name: string; idNumber: string; townshipId: number; villageId: number }[];
}

const NAMES = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏', '周杰', '吴霞', '徐强', '孙丽'];

/**
 * Completes first run ("从空白开始") through the channel and builds a small county; with the app
 * handle the channels run in this process (no page load needed), else through the page.
 */
export async function seedSmallCounty(page: Page | AppHandle, cadreCount = 6, postStart = '2024-03-01'): Promise<SmallCounty> {
  await invoke(page, 'app.setup', { mode: 'empty', operator: '张晓梅' });
  const { id: countyId } = await invoke<{ id: number }>(page, 'org.addCounty', { name: '清河县', kind: '县' });
  const { id: unitId } = await invoke<{ id: number }>(page, 'org.addUnit', { name: '县农业农村局', level: '县级' });
  const townships: SmallCounty['townships'] = [];
  for (const [tName, vNames] of [
    ['柳河乡', ['东村', '西村', '南村']],
    ['石桥镇', ['北村', '中村', '上村']],
  ] as const) {
    const { id } = await invoke<{ id: number }>(page, 'org.addTownship', { countyId, name: tName });
    const villages = [];
    for (const v of vNames)
      villages.push({ id: (await invoke<{ id: number }>(page, 'org.addVillage', { townshipId: id, name: v })).id, name: v });
    townships.push({ id, name: tName, villages });
  }
  const cadres: SmallCounty['cadres'] = [];
  for (let i = 0; i < cadreCount; i++) {
    const t = townships[i % 2]!;
    const v = t.villages[Math.floor(i / 2) % t.villages.length]!;
    const idNumber = makeIdNumber('130702', `198${i % 10}-0${(i % 9) + 1}-1${i % 10}`, i + 1, i % 2 === 0);
    const name = NAMES[i % NAMES.length]! + (i >= NAMES.length ? String(i) : '');
    const d = await invoke<{ id: number }>(page, 'cadres.create', {
      cadre: {
        name,
        gender: i % 2 === 0 ? '男' : '女',
        birthDate: null,
        idNumber,
        partyStatus: '中共党员',
        phone: null,
        unitId,
        level: '县级',
        postType: '村党组织第一书记',
      },
      posting: { townshipId: t.id, villageId: v.id, start: postStart, end: null },
    });
    cadres.push({ id: d.id, name, idNumber, townshipId: t.id, villageId: v.id });
  }
  return { countyId, townships, cadres };
}

/** Opens the app and waits for the shell (the cadre list); a loaded machine can take a while. */
export async function openApp(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByTestId('cadre-count').waitFor({ timeout: 60_000 });
}

/**
 * Completes first run and files one cadre (a 第一书记 of 城关镇, 测试县, posted from 2024-01-01 with
 * no village): the least a bag needs. Returns the cadre's id.
 */
export async function seedOneCadre(page: Page | AppHandle, name: string): Promise<{ id: number }> {
  await invoke(page, 'app.setup', { mode: 'empty', operator: '张科长' });
  const county = await invoke<{ id: number }>(page, 'org.addCounty', { name: '测试县', kind: '县' });
  const township = await invoke<{ id: number }>(page, 'org.addTownship', { countyId: county.id, name: '城关镇' });
  return invoke<{ id: number }>(page, 'cadres.create', {
    cadre: {
      name,
      gender: '男',
      birthDate: '1985-03-01',
      idNumber: makeIdNumber('130702', '1985-03-01', 1, true),
      partyStatus: '中共党员',
      phone: null,
      unitId: null,
      level: '县级',
      postType: '村党组织第一书记',
    },
    posting: { townshipId: township.id, villageId: null, start: '2024-01-01', end: null },
  });
}

/**
 * Lets every county of the demo count rest days as on post (a rule version effective from 2000,
 * in force for every month the demo holds), so month totals do not depend on which weekdays a
 * month had; the default rule has its own integration tests. In this process, with no page load
 * (issue 15): the tests that follow open the app themselves.
 */
export function countRestDaysOnPost(app: AppHandle): void {
  const { db } = app.bridge.core.ctx;
  for (const c of ownCountyIds(db)) setRules(db, c, 2000, { restDaysCount: true });
}

/** Creates the county's scheme of the year from a template and puts it in force. */
export async function activateScheme(page: Page | AppHandle, countyId: number, year: number, template: string): Promise<void> {
  const s = await invoke<{ id: number }>(page, 'evaluation.schemes.createFromTemplate', { countyId, year, template });
  await invoke(page, 'evaluation.schemes.activate', { id: s.id });
}
