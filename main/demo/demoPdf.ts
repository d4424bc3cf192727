/**
 * Typeset demo documents (调研报告, 会议记录, 月考勤登记表, 工作总结/汇报) with pdfkit in the
 * bundled Chinese fonts. Page layout follows GB/T 9704 loosely (A4, 37 mm top, 28 mm
 * binding margin, "— 1 —" page numbers); the register is landscape.
 */
import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import { registerFonts, writeCjk, type RegisteredFonts } from '../dossier/fonts';
import { shareFontWork } from './pdfkitSharing';
import { setCell, setText } from './demoTypeset';
import { dateLabel } from '../../shared/dates';

const MM = 72 / 25.4;
const A4: [number, number] = [595.28, 841.89];
const TOP = 37 * MM;
const LEFT = 28 * MM;
const TEXT_W = 156 * MM;
const TEXT_H = 225 * MM;
const BODY = 15;
const GAP = 9;

interface Doc {
  doc: PDFKit.PDFDocument;
  f: RegisteredFonts;
  done: Promise<void>;
}

/** Fixed dates keep the output byte-identical between runs (pdfkit derives the file ID from them). */
function open(file: string, title: string, author: string, date: string, layout: 'portrait' | 'landscape' = 'portrait'): Doc {
  const stamp = new Date(`${date}T09:00:00+08:00`);
  const margins =
    layout === 'portrait'
      ? { top: TOP, left: LEFT, right: A4[0] - LEFT - TEXT_W, bottom: A4[1] - TOP - TEXT_H }
      : { top: 40, left: 40, right: 40, bottom: 36 };
  const doc = new PDFDocument({
    size: 'A4',
    layout,
    margins,
    bufferPages: true,
    // No default Helvetica: pdfkit would parse its AFM metrics for every document, and every
    // word here is set in the registered Chinese fonts (writeCjk selects one before writing).
    font: null as unknown as string,
    info: { Title: title, Author: author, Creator: 'OneBag 示例数据', Producer: 'OneBag', CreationDate: stamp, ModDate: stamp },
  });
  shareFontWork(doc);
  const f = registerFonts(doc);
  const out = fs.createWriteStream(file);
  const done = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  return { doc, f, done };
}

/** "— n —" 7 mm below the text block, odd pages right, even pages left (G5: bottom margin 0 first). */
function pageNumbers(d: Doc): void {
  const { doc, f } = d;
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    const n = i + 1;
    const label = `— ${n} —`;
    const y = TOP + TEXT_H + 7 * MM;
    setText(doc, label, LEFT, y, { font: f.serif, size: 14, width: TEXT_W, align: n % 2 === 1 ? 'right' : 'left' });
  }
}

/** Ends the document; resolves to its page count once the file is written. */
async function finish(d: Doc, numbers = true): Promise<number> {
  if (numbers) pageNumbers(d);
  const pages = d.doc.bufferedPageRange().count;
  d.doc.end();
  await d.done;
  return pages;
}

function title(d: Doc, text: string, sub?: string): void {
  setText(d.doc, text, LEFT, TOP, { font: d.f.serifBold, size: 22, width: TEXT_W, align: 'center', lineGap: 6 });
  if (sub) setText(d.doc, sub, LEFT, undefined, { font: d.f.serif, size: BODY, width: TEXT_W, align: 'center' });
  d.doc.moveDown(1);
}

/** Keeps a heading with at least two lines of its text. */
function heading(d: Doc, text: string, level: 1 | 2 = 1): void {
  const bottom = d.doc.page.height - d.doc.page.margins.bottom;
  if (d.doc.y + 3 * (BODY + GAP) > bottom) d.doc.addPage();
  const font = level === 1 ? d.f.sansBold : d.f.serifBold;
  setText(d.doc, `　　${text}`, LEFT, undefined, { font, size: BODY, width: TEXT_W, lineGap: GAP });
}

function para(d: Doc, text: string): void {
  setText(d.doc, `　　${text}`, LEFT, undefined, { font: d.f.body, size: BODY, width: TEXT_W, lineGap: GAP });
}

function signature(d: Doc, who: string, date: string): void {
  d.doc.moveDown(1.5);
  const bottom = d.doc.page.height - d.doc.page.margins.bottom;
  if (d.doc.y + 2 * (BODY + GAP) > bottom) d.doc.addPage();
  setText(d.doc, who, LEFT, undefined, { font: d.f.body, size: BODY, width: TEXT_W - 2 * BODY, align: 'right', lineGap: GAP });
  setText(d.doc, dateLabel(date), LEFT, undefined, { font: d.f.body, size: BODY, width: TEXT_W - 2 * BODY, align: 'right', lineGap: GAP });
}

export interface Section {
  heading: string;
  paragraphs: string[];
}

/** 调研报告, 工作总结, 工作汇报: a titled text with numbered sections and a signature. Resolves to its page count. */
export async function writeTextDocPdf(
  file: string,
  doc: { title: string; subtitle?: string; intro?: string; sections: Section[]; author: string; date: string },
): Promise<number> {
  const d = open(file, doc.title, doc.author, doc.date);
  title(d, doc.title, doc.subtitle);
  if (doc.intro) para(d, doc.intro);
  for (const s of doc.sections) {
    heading(d, s.heading);
    for (const p of s.paragraphs) para(d, p);
  }
  signature(d, doc.author, doc.date);
  return finish(d);
}

export interface Minutes {
  title: string;
  meeting: string;
  time: string;
  place: string;
  chair: string;
  attendees: string[];
  absentees: string[];
  recorder: string;
  topics: string[];
  discussion: string[];
  decisions: string[];
  date: string;
}

/** 会议记录: the fields clerks fill in on the paper form, then topics, discussion, decisions. */
export async function writeMinutesPdf(file: string, m: Minutes): Promise<number> {
  const d = open(file, m.title, m.recorder, m.date);
  title(d, '会 议 记 录');
  const field = (label: string, value: string) => {
    d.doc.x = LEFT;
    writeCjk(d.doc, `${label}：`, LEFT, undefined, { font: d.f.sansBold, size: BODY, continued: true, lineGap: GAP, width: TEXT_W });
    writeCjk(d.doc, value, undefined, undefined, { font: d.f.body, size: BODY, lineGap: GAP, width: TEXT_W });
  };
  field('会议名称', m.meeting);
  field('时　　间', m.time);
  field('地　　点', m.place);
  field('主 持 人', m.chair);
  field('参会人员', m.attendees.join('、'));
  field('缺席人员', m.absentees.length ? m.absentees.join('、') : '无');
  field('记 录 人', m.recorder);
  d.doc.moveDown(0.5);
  heading(d, '一、会议议题');
  m.topics.forEach((t, i) => para(d, `${i + 1}. ${t}`));
  heading(d, '二、讨论情况');
  for (const p of m.discussion) para(d, p);
  heading(d, '三、会议决定');
  m.decisions.forEach((t, i) => para(d, `${i + 1}. ${t}`));
  signature(d, `记录人：${m.recorder}`, m.date);
  return finish(d);
}

export interface RegisterRow {
  name: string;
  post: string;
  /** One code per day of the month: √ 在岗, ○ 公出, 事, 病, 休, × 缺勤. */
  days: string[];
  remark: string;
}

export const ON_POST_CODES = ['√', '○'];

/** 月考勤登记表: landscape, one row per cadre, one column per day, signature block. */
export async function writeRegisterPdf(
  file: string,
  r: { township: string; year: number; month: number; rows: RegisterRow[]; date: string; author: string },
): Promise<number> {
  const t = `${r.township}选派干部${r.year}年${r.month}月考勤登记表`;
  const d = open(file, t, r.author, r.date, 'landscape');
  const { doc, f } = d;
  const days = new Date(Date.UTC(r.year, r.month, 0)).getUTCDate();
  const left = 40;
  const width = doc.page.width - 80;
  writeCjk(doc, t, left, 40, { font: f.serifBold, size: 18, width, align: 'center' });
  writeCjk(doc, `填报单位：${r.township}党委（盖章）`, left, 70, { font: f.serif, size: 10, width: width / 2 });
  writeCjk(doc, `统计期间：${r.year}年${r.month}月1日至${r.month}月${days}日`, left + width / 2, 70, {
    font: f.serif,
    size: 10,
    width: width / 2,
    align: 'right',
  });

  const fixed = [
    { h: '序号', w: 24 },
    { h: '姓名', w: 46 },
    { h: '驻村（岗位）', w: 84 },
  ];
  const dayW = 16.5;
  const tail = [{ h: '在岗天数', w: 40 }];
  const used = fixed.reduce((s, c) => s + c.w, 0) + days * dayW + tail[0]!.w;
  const remarkW = width - used;
  const cols: Array<{ h: string; w: number }> = [
    ...fixed,
    ...Array.from({ length: days }, (_, i) => ({ h: String(i + 1), w: dayW })),
    ...tail,
    { h: '备注', w: remarkW },
  ];
  const top = 90;
  const headH = 28;
  const rowH = 26;
  doc.lineWidth(0.6).strokeColor('#222222');
  const cell = (text: string, x: number, y: number, w: number, h: number, size: number, font: string) => {
    doc.rect(x, y, w, h).stroke();
    const lines = Math.max(1, Math.ceil((text.length * size) / (w - 2)));
    const ty = y + (h - Math.min(lines, 2) * size * 1.25) / 2;
    if (lines === 1 && setCell(doc, text, x + 1, ty, { font, size, width: w - 2 })) return;
    writeCjk(doc, text, x + 1, ty, { font, size, width: w - 2, height: h - 2, align: 'center', lineGap: 0, ellipsis: true });
  };
  let x = left;
  for (const c of cols) {
    cell(c.h, x, top, c.w, headH, c.w < 20 ? 7.5 : 8.5, f.sansBold);
    x += c.w;
  }
  r.rows.forEach((row, ri) => {
    const y = top + headH + ri * rowH;
    const onPost = row.days.filter((c) => ON_POST_CODES.includes(c)).length;
    const values = [String(ri + 1), row.name, row.post, ...row.days.slice(0, days), String(onPost), row.remark];
    let cx = left;
    values.forEach((v, ci) => {
      const w = cols[ci]!.w;
      cell(v, cx, y, w, rowH, ci === values.length - 1 ? 7 : 8, f.serif);
      cx += w;
    });
  });
  let y = top + headH + r.rows.length * rowH + 10;
  writeCjk(doc, '说明：√ 在岗　○ 公出（因公外出，计入在岗）　事 事假　病 病假　休 轮休　× 缺勤。每月在岗不少于20天。', left, y, {
    font: f.serif,
    size: 9,
    width,
  });
  y += 30;
  const third = width / 3;
  writeCjk(doc, '村党组织书记确认：', left, y, { font: f.serif, size: 11, width: third });
  writeCjk(doc, '乡镇党委书记（签字）：', left + third, y, { font: f.serif, size: 11, width: third });
  writeCjk(doc, '乡镇党委（盖章）', left + 2 * third, y, { font: f.serif, size: 11, width: third, align: 'right' });
  writeCjk(doc, `${r.year}年　月　日`, left + 2 * third, y + 22, { font: f.serif, size: 11, width: third, align: 'right' });
  return finish(d, false);
}
