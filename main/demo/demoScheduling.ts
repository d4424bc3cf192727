/**
 * The county's quarterly 调度 (驻乡村干部工作调度会) for every ended quarter since the postings
 * began (Y-2 to Y), through core/scheduling: the meeting in the quarter's last week, each cadre's
 * progress, problems and next steps, and — for Y-1 and Y — where each submitted report was sent
 * (派出单位 and 上一级党委) two days after it arrived. The current quarter is not yet held (not
 * overdue, so no alert).
 */
import { addDays } from '../../shared/attendance';
import { seededRandom } from '../../shared/random';
import { quarterEnd } from '../../shared/scheduling';
import { getQuarter } from '../core/scheduling/quarter';
import { routeReport, saveMeeting } from '../core/scheduling/meetings';
import { pick } from './demoData';
import { type WorkContext } from './demoWorkContext';

const PROGRESS = [
  '完成入户走访，村情民情台账已更新；帮扶项目按计划推进',
  '村集体经济项目已开工建设，派出单位帮扶资金到位',
  '组织开展党员冬春训，村级组织活动正常',
  '产业项目进入运营，村集体获得首笔收益',
  '协调解决灌溉用水问题，群众反映良好',
];
const ISSUES = ['项目用地手续办理较慢', '村“两委”干部年龄偏大，后备力量不足', '产业项目市场销路不稳定', ''];
const STEPS = ['加快项目建设进度', '加强村级后备力量培养', '对接销售渠道，稳定订单', '做好年度总结和下一年度谋划'];

export function addDemoScheduling(w: WorkContext, seed: number): { meetings: number; routes: number } {
  const { db, today, Y, countyId, county } = w;
  const rng = seededRandom(seed + 7201);
  let meetings = 0;
  let routes = 0;
  db.transaction(() => {
    for (const year of [Y - 2, Y - 1, Y]) {
      for (const quarter of [1, 2, 3, 4]) {
        const end = quarterEnd(year, quarter);
        if (end >= today) continue;
        const q = getQuarter(db, countyId, year, quarter, today);
        if (q.cadres.length === 0) continue;
        saveMeeting(
          db,
          {
            countyId,
            year,
            quarter,
            meetingDate: addDays(end, -6),
            place: `${county}委组织部会议室`,
            chairedBy: '县委常委、组织部部长',
            problems: '个别村集体经济增收渠道单一；部分干部工作日志记录不够及时',
            nextSteps: '各乡镇党委加强日常管理，每月开展在岗抽查；下季度重点推进帮扶项目落地',
            progress: q.cadres.map((c) => ({
              cadreId: c.cadreId,
              progress: pick(rng, PROGRESS),
              problems: pick(rng, ISSUES),
              nextSteps: pick(rng, STEPS),
            })),
          },
          today,
        );
        meetings++;
        if (year < Y - 1) continue;
        for (const c of getQuarter(db, countyId, year, quarter, today).cadres) {
          for (const r of c.reports) {
            const sentOn = addDays(r.submittedOn, 2);
            if (sentOn > today) continue;
            const party = c.village ? `中共${c.township}委员会` : `中共${county}委员会`;
            if (c.unitName) {
              routeReport(
                db,
                { cadreId: c.cadreId, kind: r.kind, period: r.period, recipientKind: '派出单位', recipient: c.unitName, sentOn },
                today,
              );
              routes++;
            }
            routeReport(
              db,
              { cadreId: c.cadreId, kind: r.kind, period: r.period, recipientKind: '上一级党委', recipient: party, sentOn },
              today,
            );
            routes++;
          }
        }
      }
    }
  })();
  return { meetings, routes };
}
