/**
 * The 考核登记表 of one cadre as engine blocks, shared by the stand-alone sheet (sheetPdf.ts)
 * and the dossier's evaluation section (section.ts), so both print the same form.
 */
import { quotaRuleText } from '../../../shared/evaluation/results';
import { maskIdNumber } from '../../../shared/idNumber';
import { rulesSourceText } from '../../../shared/rules';
import type { Block } from '../typeset/model';
import type { SheetData } from './sheetData';

const two = (n: number | null | undefined) => (n === null || n === undefined ? '—' : n.toFixed(2));
const dash = (v: string | null | undefined) => (v && v.trim() ? v : '—');

/**
 * The quota note without the rank: the form goes into the personnel file, where a rank is
 * printed only when the county turns it on (规则设置 printRankOnSheet).
 */
export const withoutRank = (note: string): string => note.replace(/本人排名第\d+名（/g, '本人（').replace(/第\d+名(\d+人同分)/g, '$1');

/** The rules in force the form's caps and grades follow, in one paragraph. */
function rulesText(d: SheetData): string {
  const s = d.rules.settings;
  const c = s.checkAbsence;
  const counted = [s.gongchuCountsOnPost ? '公出计入' : '公出不计入', s.restDaysCount ? '休息日计入' : '休息日登记在岗才计入'].join('、');
  return `${rulesSourceText(d.rules)}：每月在岗不少于${s.monthlyMinimum}天（${counted}）；督查不在岗${c.noExcellentAt}次不评优秀、${c.maxBasicAt}次最高基本称职、${c.incompetentAt}次不称职`;
}

export const sheetTitle = (d: SheetData) => `${d.year}年度选派干部考核登记表`;

export const sheetSubtitle = (d: SheetData) =>
  `${d.county}　${d.scheme.name}（第${d.scheme.version}版）${d.finalised ? '' : '　【未定档，仅供核对】'}`;

export function sheetBlocks(d: SheetData, opts: { maskId: boolean } = { maskId: false }): Block[] {
  const c = d.cadre;
  const r = d.row;
  const place = [r.township, r.village].filter(Boolean).join('');
  const details = [
    ['姓名', c.name, '性别', c.gender],
    ['出生日期', dash(c.birthDate), '政治面貌', c.partyStatus],
    ['身份证号', opts.maskId ? maskIdNumber(c.idNumber) : c.idNumber, '选派层级', c.level],
    ['派出单位', dash(c.unitName), '任职岗位', r.postType],
    ['任职地点', place, '任职期间', d.term],
  ];
  const components = d.scheme.components.map((k) => {
    const s = r.componentScores[k.key];
    const weighted = s === null || s === undefined ? null : Math.round(((s / k.scale) * k.weight + Number.EPSILON) * 100) / 100;
    return [k.label, `${k.weight}%`, String(k.scale), two(s), two(weighted)];
  });
  components.push(['综合得分', '100%', '—', '—', two(r.total)]);
  const caps = r.caps.length ? r.caps.map((x, i) => `${i + 1}. ${x.reason}`).join('\n') : '无';
  const printRank = d.rules.settings.printRankOnSheet;
  const rank = r.rank === null ? '—' : `第${r.rank}名（${r.group}）`;
  const quotaNote = r.quotaNote ?? r.groupNote ?? '未受名额限制';
  const sign = (who: string) => `\n\n${who}　　　　　　　　　　年　　月　　日`;
  return [
    {
      kind: 'table',
      columns: [{ title: '项目', widthMm: 24 }, { title: '内容' }, { title: '项目', widthMm: 24 }, { title: '内容' }],
      rows: details,
      fontSize: 10,
    },
    {
      kind: 'table',
      caption: '考核得分（综合得分按精确值计算，最后四舍五入保留两位小数）',
      columns: [
        { title: '考核项目' },
        { title: '权重', widthMm: 18, align: 'center' },
        { title: '满分', widthMm: 18, align: 'center' },
        { title: '得分', widthMm: 24, align: 'right' },
        { title: '折算得分', widthMm: 26, align: 'right' },
      ],
      rows: components,
      fontSize: 10,
    },
    {
      kind: 'table',
      columns: [{ title: '评定', widthMm: 24 }, { title: '结果' }, { title: '评定', widthMm: 24 }, { title: '结果' }],
      rows: [
        printRank ? ['综合得分', two(r.total), '组内排名', rank] : ['综合得分', two(r.total), '名额分组', r.group],
        ['按分数评定', r.scoreGrade ?? '分数未录全', '考核等次', r.grade ?? '—'],
      ],
      fontSize: 10,
    },
    {
      kind: 'table',
      columns: [{ title: '事项', widthMm: 36 }, { title: '情况与意见' }],
      rows: [
        ['限制评定等次情形', caps],
        ['优秀名额', `${quotaRuleText(d.scheme, { tieRule: false })}。${printRank ? quotaNote : withoutRank(quotaNote)}`],
        ['执行规则', rulesText(d)],
        ...(d.review
          ? [['评审单位意见', `${d.review.comment}\n（${d.review.author ?? '评审单位'}　${d.review.updatedAt.slice(0, 10)}）`]]
          : []),
        ['考核组评价意见', `\n${sign('组长（签字）：')}`],
        ['县委组织部意见', sign('（盖章）')],
      ],
      fontSize: 10,
    },
  ];
}
