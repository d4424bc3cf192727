/** 选派干部基本情况表: the cadre's details and postings, typeset. */
import { maskIdNumber } from '../../../shared/idNumber';
import type { Section } from '../typeset/model';
import { itemCode, stampFor, type BuildContext } from './context';

const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

export function basicInfoSection(ctx: BuildContext): Section[] {
  const c = ctx.cadre;
  const no = ctx.nextItemNo();
  const details: string[][] = [
    ['姓名', c.name, '性别', c.gender],
    ['出生日期', dash(c.birthDate), '政治面貌', c.partyStatus],
    ['身份证号', maskIdNumber(c.idNumber), '联系电话', dash(c.phone)],
    ['派出单位', dash(c.unitName), '单位层级', dash(c.unitLevel)],
    ['选派层级', c.level, '任职类型', c.postType],
  ];
  const postings = [...c.postings]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((p, i) => [String(i + 1), p.countyName, p.townshipName, dash(p.villageName), p.start, p.end ?? '至今']);
  const title = '选派干部基本情况表';
  return [
    {
      title: '基本情况',
      items: [
        {
          kind: 'typeset',
          catalogue: { author: ctx.issuer, title, date: ctx.to, archiveCode: itemCode(ctx, no) },
          stamp: stampFor(ctx, no),
          blocks: [
            {
              kind: 'table',
              columns: [{ title: '项目', widthMm: 26 }, { title: '内容' }, { title: '项目', widthMm: 26 }, { title: '内容' }],
              rows: details,
              fontSize: 12,
            },
            { kind: 'heading', level: 2, text: '任职经历' },
            {
              kind: 'table',
              columns: [
                { title: '序号', widthMm: 12, align: 'center' },
                { title: '县（市、区）', widthMm: 26 },
                { title: '乡镇', widthMm: 26 },
                { title: '村' },
                { title: '起始日期', widthMm: 25, align: 'center' },
                { title: '结束日期', widthMm: 25, align: 'center' },
              ],
              rows: postings.length ? postings : [['—', '—', '—', '未登记任职记录', '—', '—']],
              fontSize: 10.5,
            },
          ],
        },
      ],
    },
  ];
}
