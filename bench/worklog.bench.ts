/**
 * Work log: 300 cadres × 3 years × 250 entries (225,000 entries with search text) on a real
 * SQLite file. Targets from the issue: one cadre's year opens in ≤ 100 ms; full-text search
 * of the logs in Chinese answers in ≤ 50 ms (p95 over varied words, common and rare).
 * Also measured: the county's overdue-report alerts (issue: stats and alerts ≤ 300 ms).
 */
import { setSetting } from '../main/core/runtime/settings';
import { toSearchTokens } from '../main/core/searchTokens';
import { worklogAlerts } from '../main/core/worklog/alerts';
import { listEntries } from '../main/core/worklog/entries';
import { searchEntries } from '../main/core/worklog/search';
import { LOG_KINDS } from '../shared/worklog';
import { p95, rng } from './measure';
import type { Bench } from './types';
import { withBenchDb } from './benchDb';

const ACTS = [
  '入户走访',
  '走访慰问',
  '召开村两委会议',
  '帮扶申请小额贷款',
  '对接产业项目',
  '协调解决',
  '组织党员学习',
  '调解邻里纠纷',
  '核实低保对象',
  '检查危房改造',
];
const TOPICS = [
  '春耕备耕',
  '医保缴费',
  '灌溉水渠维修',
  '道路硬化',
  '蘑菇大棚',
  '集体经济增收',
  '养老保险',
  '饮水安全',
  '秸秆禁烧',
  '防汛准备',
  '电商销售',
  '光伏发电',
];
const PEOPLE = ['王大爷', '李二婶', '刘大娘', '张大叔', '赵老汉', '陈家', '孙会计', '村两委成员', '合作社负责人', '脱贫户周某'];
const NEEDS = ['资金不足', '劳动力缺乏', '行动不便', '销路不畅', '技术欠缺', ''];

export const bench: Bench = async () => {
  return withBenchDb('wl', async (db) => {
    const rand = rng(20250305);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    const now = new Date().toISOString();
    setSetting(db, 'operator', '基准测试');
    const county = Number(db.prepare(`INSERT INTO counties (name, kind) VALUES ('基准县', '县')`).run().lastInsertRowid);
    const cadres: number[] = [];
    const t0 = performance.now();
    db.transaction(() => {
      const towns = Array.from({ length: 10 }, (_, i) =>
        Number(db.prepare('INSERT INTO townships (county_id, name) VALUES (?, ?)').run(county, `第${i + 1}镇`).lastInsertRowid),
      );
      const insCadre = db.prepare(
        `INSERT INTO cadres (name, gender, id_number, party_status, level, post_type, created_at, updated_at)
         VALUES (?, '男', ?, '中共党员', '县级', '村党组织第一书记', ?, ?)`,
      );
      const insPost = db.prepare('INSERT INTO postings (cadre_id, township_id, start) VALUES (?, ?, ?)');
      const insEntry = db.prepare(
        `INSERT INTO worklog_entries (cadre_id, date, kind, place, persons, situation, difficulties, follow_up, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const insFts = db.prepare('INSERT INTO worklog_fts (rowid, tokens, owner) VALUES (?, ?, ?)');
      for (let c = 0; c < 300; c++) {
        const id = Number(insCadre.run(`干部${c + 1}`, `ID${String(c).padStart(16, '0')}`, now, now).lastInsertRowid);
        cadres.push(id);
        insPost.run(id, towns[c % 10]!, '2023-01-01');
        for (const year of [2023, 2024, 2025]) {
          for (let k = 0; k < 250; k++) {
            const day = Math.floor((k * 365) / 250);
            const date = new Date(Date.UTC(year, 0, 1 + day)).toISOString().slice(0, 10);
            const kind = pick(LOG_KINDS);
            const place = `第${(c % 10) + 1}镇${1 + Math.floor(rand() * 8)}组`;
            const persons = pick(PEOPLE);
            const situation = `${pick(ACTS)}${persons}，了解${pick(TOPICS)}情况，${pick(ACTS)}并记录${pick(TOPICS)}相关诉求。`;
            const diff = pick(NEEDS);
            const follow = `下一步继续跟进${pick(TOPICS)}`;
            const e = Number(insEntry.run(id, date, kind, place, persons, situation, diff, follow, now, now).lastInsertRowid);
            insFts.run(e, toSearchTokens([kind, place, persons, situation, diff, follow].join('\n')), `c${id}`);
          }
        }
      }
    })();
    db.exec("INSERT INTO worklog_fts(worklog_fts) VALUES('optimize')");
    const setupS = (performance.now() - t0) / 1000;

    const open: number[] = [];
    for (let i = 0; i < 30; i++) {
      const c = cadres[Math.floor(rand() * cadres.length)]!;
      const s = performance.now();
      const list = listEntries(db, c, 2025);
      open.push(performance.now() - s);
      if (list.length !== 250) throw new Error(`expected 250 entries, got ${list.length}`);
    }
    const words = ['灌溉', '低保', '蘑菇大棚', '王大爷', '资金不足', '光伏', '集体经济', '纠纷', '医保缴费', '防汛', '电商', '走访'];
    const search: number[] = [];
    for (let r = 0; r < 3; r++) {
      for (const w of words) {
        const s = performance.now();
        const hits = searchEntries(db, w, { limit: 100 });
        search.push(performance.now() - s);
        if (!hits.length) throw new Error(`no hit for ${w}`);
      }
    }
    const oneCadre: number[] = [];
    for (const w of words) {
      const s = performance.now();
      searchEntries(db, w, { cadreId: cadres[7]!, limit: 100 });
      oneCadre.push(performance.now() - s);
    }
    const s = performance.now();
    worklogAlerts(db, { year: 2025, today: '2026-02-01' });
    const alertsMs = performance.now() - s;
    return [
      { name: `log data set built (225,000 entries)`, value: setupS, unit: 's', target: 600, better: 'lower' },
      { name: 'one cadre’s year of log opens (250 entries, p95)', value: p95(open), unit: 'ms', target: 100, better: 'lower' },
      { name: 'full-text search of all logs, Chinese (p95)', value: p95(search), unit: 'ms', target: 50, better: 'lower' },
      { name: 'full-text search of one cadre’s logs (p95)', value: p95(oneCadre), unit: 'ms', target: 50, better: 'lower' },
      { name: 'overdue-report alerts, 300 cadres', value: alertsMs, unit: 'ms', target: 300, better: 'lower' },
    ];
  });
};
