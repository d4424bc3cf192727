/**
 * The demo's quarterly reports and half-year summaries (每季度报告一次、每半年书面总结) for Y-1 and
 * Y, through core/worklog/reports.ts: a report filed in the bag earlier is linked to its period at
 * intake and confirmed here; every other period owed gets a short text report filed into the bag
 * a few days after the period ends (files made here, in memory, filed in one batch: files/madeHere.ts). One Y-1 third-quarter report arrives six days after its due
 * date (已提交, 逾期6天: late, but no alert). Periods whose day has not come stay 待提交.
 */
import { addDays } from '../../shared/attendance';
import { seededRandom } from '../../shared/random';
import type { BlobStore } from '../files/blobStore';
import { listReports, submitStored } from '../core/worklog/reports';
import type { FileFacts } from '../files/inspect';
import { commitOriginals } from '../files/intake';
import { stageMadeHere, type MadeHereFile } from '../files/madeHere';
import { confirmReportLink } from '../core/worklog/reportLinks';
import { between, pick } from './demoData';
import { postingOnDate, type WorkContext } from './demoWorkContext';

const DONE = [
  '走访农户，逐户了解产业发展和就业需求，更新村情民情台账',
  '召开村“两委”会议，研究村集体经济项目推进事项',
  '协调派出单位落实帮扶资金，推进项目建设',
  '组织党员开展主题党日活动，讲授党课一次',
  '调解邻里纠纷，办理群众反映的实际问题',
  '配合乡镇做好防汛、秸秆禁烧等中心工作',
];
const NEXT = ['抓好项目建设进度和资金使用管理', '继续落实“四议两公开”，规范村务管理', '做好困难群众走访慰问', '谋划下一年度发展项目'];

/** Which Y-1 report is late: the third cadre's third quarter. */
const LATE = { cadreIndex: 2, period: 'Q3' };

export async function addDemoReports(w: WorkContext, blobs: BlobStore, seed: number): Promise<{ filed: number; confirmed: number }> {
  const { db, today, Y } = w;
  const rng = seededRandom(seed + 7101);
  let confirmed = 0;
  const due: Array<{ cadreId: number; period: string; on: string; title: string; file: MadeHereFile }> = [];
  for (const year of [Y - 1, Y]) {
    for (const [i, c] of w.cadres.entries()) {
      for (const r of listReports(db, c.id, year, today)) {
        if (r.status === '已提交') {
          if (r.linkToConfirm) {
            confirmReportLink(db, c.id, r.period);
            confirmed++;
          }
          continue;
        }
        const late = year === Y - 1 && i === LATE.cadreIndex && r.period.endsWith(LATE.period);
        const on = late ? addDays(r.dueDate, 6) : addDays(r.periodEnd, between(rng, 2, r.kind === '季度报告' ? 8 : 12));
        if (on > today) continue;
        const where = postingOnDate(c, r.periodEnd) ?? c.postings[c.postings.length - 1]!;
        const place = `${where.townshipName}${where.villageName ?? ''}`;
        const what = r.kind === '季度报告' ? '工作进展情况报告' : '工作总结';
        const title = `${c.name}${r.periodLabel}${what}`;
        const body = [
          title,
          '',
          `${c.unitName ?? ''}选派干部${c.name}，任${place}${c.postType}。现将${r.periodLabel}工作情况报告如下：`,
          `一、主要工作：${pick(rng, DONE)}；${pick(rng, DONE)}。`,
          `二、存在问题：村集体经济增收渠道仍然偏窄，群众参与产业发展的积极性有待提高。`,
          `三、下一步打算：${pick(rng, NEXT)}。`,
          '',
          `报告人：${c.name}    ${on}`,
        ].join('\n');
        due.push({ cadreId: c.id, period: r.period, on, title, file: madeText(Buffer.from(body, 'utf8'), `${title}.txt`) });
      }
    }
  }
  // Each period's submission is its own (no report counts for another period or cadre), so
  // the files are taken in one batch and the submissions written in one transaction.
  const taken = await stageMadeHere(
    blobs,
    due.map((d) => d.file),
  );
  const stored = await commitOriginals(blobs, taken);
  db.transaction(() => {
    due.forEach((d, k) => {
      const file = { name: d.file.name, ...stored[k]!, facts: taken[k]!.facts };
      submitStored(db, d.cadreId, d.period, file, d.on, d.title, today);
    });
  })();
  return { filed: due.length, confirmed };
}

/** A plain-text report made here: what intake learns of UTF-8 text (kind and type only). */
function madeText(bytes: Buffer, name: string): MadeHereFile {
  const facts: FileFacts = {
    kind: 'text',
    mime: 'text/plain',
    size: bytes.length,
    pageCount: null,
    width: null,
    height: null,
    orientation: null,
    flags: [],
    notice: null,
  };
  return { madeHere: true, bytes, name, facts };
}
