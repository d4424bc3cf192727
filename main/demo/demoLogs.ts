/**
 * The demo cadres' work logs (工作日志) and annual plans (年度工作计划), through the core
 * functions: the four weeks of logs before today per cadre,
 * and an annual plan for each year of the posting with dated items. Items whose date has passed
 * are 已完成, except one of 陈喆's in Y, left 推进中 for the deliberate 计划事项逾期 alert.
 */
import { seededRandom } from '../../shared/random';
import { addDays } from '../../shared/attendance';
import type { LogRow } from '../../shared/api/worklog';
import type { CoreContext } from '../core/runtime/context';
import { savePlan } from '../core/work/plans';
import { saveEntries } from '../core/worklog/entries';
import { between, INDUSTRIES, pick, postingOn, villagerName, type DemoCadre, type DemoCalendar } from './demoData';
import { isRestDay } from './demoPlan';

/** The cadre whose plan item of this year is overdue. */
export const OVERDUE_PLAN_CADRE = 4;

const VISITS = ['走访脱贫户', '走访低保户', '走访种植大户', '走访留守老人', '走访返乡创业青年'];
const HELP = ['协调解决灌溉用水问题', '帮助联系农产品销路', '协助办理医保报销手续', '协调修缮危房'];

function logRows(c: DemoCadre, from: string, to: string, seed: number): Array<Omit<LogRow, 'files'>> {
  const rng = seededRandom(seed);
  const rows: Array<Omit<LogRow, 'files'>> = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    if (d < c.postings[0]!.start || isRestDay(d) || rng() < 0.45) continue;
    const p = postingOn(c, d);
    const where = p.village ?? p.township;
    const kind = pick(rng, ['走访', '走访', '帮扶', '会议', '项目'] as const);
    const who = villagerName(rng);
    const situation =
      kind === '走访'
        ? `${pick(rng, VISITS)}${who}家，了解生产生活情况，家中${pick(rng, INDUSTRIES)}收入较稳定。`
        : kind === '帮扶'
          ? `为${who}${pick(rng, HELP)}，已与相关部门对接。`
          : kind === '会议'
            ? `参加${where}村“两委”会议，研究近期重点工作。`
            : `到${pick(rng, INDUSTRIES)}项目现场查看进度，完成计划的${between(rng, 30, 90)}%。`;
    rows.push({
      date: d,
      kind,
      place: where,
      persons: kind === '会议' ? '村“两委”成员' : who,
      situation,
      difficulties: '',
      followUp: rng() < 0.5 ? '下周回访，跟进落实情况。' : '',
    });
  }
  return rows;
}

const GOALS = [
  '完成全村农户走访全覆盖',
  '谋划实施1个村集体经济发展项目并公示',
  '推动村集体经济收入比上年增长10%',
  '年底前完成年度工作总结',
];
const DEADLINES = ['03-31', '06-30', '09-30', '12-20'];

export async function addDemoLogs(ctx: CoreContext, input: { cadres: DemoCadre[]; cadreIds: number[]; cal: DemoCalendar }): Promise<void> {
  const { cadres, cadreIds, cal } = input;
  const { db } = ctx;
  const yesterday = addDays(cal.today, -1);
  for (const [i, c] of cadres.entries()) {
    const cadreId = cadreIds[i]!;
    const rows = logRows(c, addDays(cal.today, -28), yesterday, i * 31 + cal.year);
    if (rows.length) await saveEntries(db, null, cadreId, rows, [], { today: cal.today });
    for (const year of [cal.first, cal.full, cal.year]) {
      const items = GOALS.map((goal, k) => {
        const deadline = `${year}-${DEADLINES[k]}`;
        const late = year === cal.year && i === OVERDUE_PLAN_CADRE && k === 0;
        const status = deadline >= cal.today ? (k === 0 ? '推进中' : '未开始') : late ? '推进中' : '已完成';
        return { goal, measures: '', deadline, responsible: c.name, status } as const;
      }).filter((it) => it.deadline >= c.postings[0]!.start);
      savePlan(db, {
        cadreId,
        kind: '年度计划',
        startYear: year,
        title: `${c.name}${year}年度工作计划`,
        materialId: null,
        items: [...items],
      });
    }
  }
}
