/** cadres/<n>.html: one cadre's details, postings, attendance, the year's bag and the finalised result. */
import { MATERIAL_CATEGORIES } from '../../../shared/domain';
import { maskIdNumber } from '../../../shared/idNumber';
import type { ScopeCadre } from './data';
import { esc, href, orDash, pageHtml, table } from './html';
import { timeLabel } from '../../../shared/dates';
import { formatSize } from '../../../shared/fileSize';
import type { IndexPagesOptions } from './options';

/** Cadre pages live one folder down. */
const DEPTH = 1;

const days = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const monthLabel = (m: string) => `${Number(m.slice(5, 7))}月`;

function basics(c: ScopeCadre): string {
  const d = c.detail;
  return table(
    ['项目', '内容', '项目', '内容'],
    [
      ['姓名', esc(d.name), '性别', esc(d.gender)],
      ['出生日期', orDash(d.birthDate), '政治面貌', esc(d.partyStatus)],
      ['身份证号', esc(maskIdNumber(d.idNumber)), '联系电话', orDash(d.phone)],
      ['派出单位', orDash(d.unitName), '单位层级', orDash(d.unitLevel)],
      ['选派层级', esc(d.level), '任职类型', esc(d.postType)],
    ],
    { cls: 'kv' },
  );
}

function postings(c: ScopeCadre): string {
  const rows = [...c.detail.postings]
    .sort((a, b) => a.start.localeCompare(b.start))
    .map((p, i) => [
      String(i + 1),
      esc(p.countyName),
      esc(p.townshipName),
      orDash(p.villageName),
      esc(p.start),
      p.end ? esc(p.end) : '至今',
    ]);
  return table(['序号', '县（市、区）', '乡镇', '村', '起始日期', '结束日期'], rows, { num: [0], empty: '未登记任职记录' });
}

function attendance(c: ScopeCadre, year: number): string {
  const multi = new Set(c.attendance.map((a) => a.township)).size > 1;
  const rows = c.attendance.map((a) => [
    monthLabel(a.month) + (multi ? ` ${esc(a.township)}` : ''),
    String(a.required),
    days(a.onPost),
    days(a.leave),
    days(a.absent),
    days(a.rest),
    // 达标 is a finding only once the township has certified the month (issue 13: attendance as certified).
    !a.complete
      ? '<span class="muted">本月未结束</span>'
      : !a.certified
        ? '<span class="muted">未认定</span>'
        : a.meetsMinimum
          ? '达标'
          : '<span class="short">未达标</span>',
    a.certified ? esc(a.certified) : a.complete ? '<span class="muted">未认定</span>' : '—',
  ]);
  if (rows.length) {
    // Totals add up certified months only; uncertified ones are counted, not summed.
    const certified = c.attendance.filter((a) => a.certified);
    const sum = (k: 'required' | 'onPost' | 'leave' | 'absent' | 'rest') => days(certified.reduce((n, a) => n + a[k], 0));
    const open = c.attendance.length - certified.length;
    rows.push([
      '<b>合计（已认定月份）</b>',
      sum('required'),
      sum('onPost'),
      sum('leave'),
      sum('absent'),
      sum('rest'),
      open > 0 ? `<span class="muted">另有${open}个月未认定，未计入</span>` : '',
      '',
    ]);
  }
  return table(['月份', '应在岗（天）', '在岗（天）', '请假（天）', '缺勤（天）', '休息日（天，不计）', '是否达标', '认定'], rows, {
    num: [1, 2, 3, 4, 5],
    empty: `${year}年无考勤记录（不在任职期内或尚未开始）`,
  });
}

/** The text of an original's pages (recognised from scans or the PDF's own), for the browser's find. */
export interface PageTextEntry {
  page: number;
  source: 'ocr' | 'pdf-text';
  text: string;
}
export type PageTextsOf = (sha256: string) => PageTextEntry[];

function fileText(sha256: string, pageTexts: PageTextsOf | undefined): string {
  const pages = pageTexts?.(sha256).filter((p) => p.text.trim()) ?? [];
  if (pages.length === 0) return '';
  const recognised = pages.some((p) => p.source === 'ocr');
  const body = pages
    .map((p) => `<p class="muted">第${p.page}页${p.source === 'ocr' ? '（识别文字）' : ''}</p><pre class="page-text">${esc(p.text)}</pre>`)
    .join('');
  return `<details class="page-text"><summary>原件文字${recognised ? '（含识别文字，可能有误，以原件为准）' : ''}</summary>${body}</details>`;
}

function bag(c: ScopeCadre, o: IndexPagesOptions, pageTexts?: PageTextsOf): string {
  if (c.materials.length === 0) return '<p class="muted">本年度资料袋中没有材料</p>';
  const order = (cat: string) => {
    const i = (MATERIAL_CATEGORIES as readonly string[]).indexOf(cat);
    return i < 0 ? MATERIAL_CATEGORIES.length : i;
  };
  const cats = [...new Set(c.materials.map((m) => m.category))].sort((a, b) => order(a) - order(b));
  return cats
    .map((cat) => {
      const list = c.materials.filter((m) => m.category === cat);
      const rows = list.map((m, i) => [
        String(i + 1),
        esc(m.title),
        orDash(m.date),
        orDash(m.responsible),
        orDash(m.docNumber),
        m.files.length
          ? m.files
              .map(
                (f) =>
                  `<a href="${href(o.originalPath(f.sha256, f.mime), DEPTH)}">${esc(f.originalName)}</a> <span class="muted">${formatSize(f.size)}</span>${fileText(f.sha256, pageTexts)}`,
              )
              .join('<br>')
          : '<span class="muted">无原件</span>',
      ]);
      return `<h3>${esc(cat)}（${list.length}份）</h3>\n${table(['序号', '题名', '日期', '责任者', '文号', '原件'], rows, { num: [0] })}`;
    })
    .join('\n');
}

function result(c: ScopeCadre, year: number): string {
  if (!c.result) return `<p class="muted">${year}年度考核结果尚未定档</p>`;
  const r = c.result.row;
  return table(
    ['项目', '内容'],
    [
      ['考核等次', `<b>${orDash(r.grade)}</b>`],
      ['总分', r.total === null ? '—' : esc(r.total)],
      ['排名', r.rank === null ? '—' : `${esc(r.rank)}（${esc(r.group)}）`],
      ...(r.caps.length ? [['等次限制', r.caps.map((x) => `${esc(x.reason)}（最高${esc(x.maxGrade)}）`).join('<br>')]] : []),
      ...(r.quotaNote ? [['优秀名额', esc(r.quotaNote)]] : []),
      ['定档时间', esc(timeLabel(c.result.finalisedAt))],
    ],
    { cls: 'kv' },
  );
}

export function cadrePage(c: ScopeCadre, county: string, year: number, o: IndexPagesOptions, pageTexts?: PageTextsOf): string {
  const dossier = o.dossierPath(c.detail.id);
  const title = `${c.detail.name} · ${county} ${year}年度实绩档案`;
  return pageHtml(
    title,
    `<nav><a href="${href('index.html', DEPTH)}">← 返回干部名册</a></nav>
<h1>${esc(c.detail.name)} <span class="muted" style="font-size:15px">${esc(c.township)}${c.village ? ` ${esc(c.village)}` : ''} · ${esc(c.detail.postType)} · ${year}年度</span></h1>
<p>${dossier ? `打印版档案：<a href="${href(dossier, DEPTH)}">档案PDF</a>` : '<span class="muted">本交换包未附此人的档案PDF</span>'}</p>
<h2>基本情况</h2>
${basics(c)}
<h2>任职经历</h2>
${postings(c)}
<h2>${year}年考勤</h2>
${attendance(c, year)}
<h2>${year}年资料袋</h2>
${bag(c, o, pageTexts)}
<h2>${year}年度考核结果</h2>
${result(c, year)}`,
    { path: o.fontPath, depth: DEPTH },
  );
}
