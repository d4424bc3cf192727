/**
 * Inputs the audit-coverage steps build their calls from: cadres, materials, events, plans,
 * small PDFs and spreadsheets as clerks fill them. Small on purpose (the run is one process).
 */
import ExcelJS from 'exceljs';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { makeIdNumber, ROSTER_HEADERS } from '../../fixtures/makeRoster';
import { id, ok, stage, YEAR } from './harness';

export const ZHANG_ID = makeIdNumber('110101', '1985-03-01', 11, true);
export const cadre = (name: string, idNumber: string, level: '县级' | '市级' = '县级', phone: string | null = '13812345678') => ({
  name,
  gender: '男' as const,
  birthDate: null,
  idNumber,
  partyStatus: '中共党员' as const,
  phone,
  unitId: null,
  level,
  postType: '村党组织第一书记' as const,
});
export const material = (title: string, category: '其他佐证材料' | '工作汇报' = '其他佐证材料') => ({
  category,
  title,
  date: '2024-04-05',
  year: YEAR,
  responsible: null,
  docNumber: null,
  secrecy: '公开' as const,
  notes: null,
});

export async function pdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(text, { x: 40, y: 700, size: 18, font });
  return Buffer.from(await doc.save());
}

export const attach = async (title: string, category?: '工作汇报') =>
  (
    await ok('bag.add', {
      cadreId: id.zhang!,
      material: material(title, category),
      files: [await stage(`${title}.pdf`, await pdf(`material ${Date.now()} ${Math.random()}`))],
    })
  ).id;

export const event = (title: string) => ({
  event: { townshipId: id.t1!, kind: '重要会议' as const, title, date: '2024-05-10', place: '镇政府', notes: null },
  expected: [{ cadreId: id.zhang!, present: true, absenceReason: null }],
});
export const check = (checker: string) => ({
  check: { townshipId: id.t1!, level: '县级' as const, kind: '县级抽查' as const, date: '2024-05-12', checker, findings: null },
  results: [{ cadreId: id.zhang!, onPost: true, reason: null }],
});
export const logRow = (place: string, extra: { id?: number } = {}) => ({
  ...extra,
  date: '2024-05-06',
  kind: '走访',
  place,
  persons: '脱贫户',
  situation: '入户走访',
  difficulties: '',
  followUp: '',
  files: [],
});
export const plan = (title: string, extra: { id?: number } = {}) => ({
  ...extra,
  cadreId: id.zhang!,
  kind: '年度计划' as const,
  startYear: YEAR,
  title,
  materialId: null,
  items: [],
});
export const project = (name: string) => ({
  cadreId: id.zhang!,
  villageId: id.v2!,
  name,
  kind: '产业发展' as const,
  year: YEAR,
  status: '在建' as const,
  funds: [],
  inPark: false,
  notes: null,
});
export const policy = (insurer: string, extra: { id?: number } = {}) => ({
  ...extra,
  cadreId: id.zhang!,
  insurer,
  policyNo: 'P-001',
  coverFen: 10_000_000,
  start: '2024-01-01',
  end: '2024-12-31',
});
export const pledge = (fundsFen: number) => ({
  cadreId: id.zhang!,
  year: YEAR,
  responsibility: '包联北村',
  projects: '',
  fundsFen,
  notes: null,
});
export const cy = () => ({ countyId: id.county!, year: YEAR });

export function rosterCsv(rows: Array<Partial<Record<(typeof ROSTER_HEADERS)[number], string>>>): Buffer {
  const lines = [ROSTER_HEADERS.join(','), ...rows.map((r) => ROSTER_HEADERS.map((h) => r[h] ?? '').join(','))];
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

/** A township month sheet as clerks fill it: title row, header 序号/姓名/1日…31日/备注, 张三's marks. */
export async function monthSheet(days: Record<number, string>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('5月考勤');
  ws.addRow(['七里河镇2025年5月选派干部考勤表']);
  ws.addRow(['序号', '姓名', ...Array.from({ length: 31 }, (_, i) => `${i + 1}日`), '备注']);
  ws.addRow([1, '张三', ...Array.from({ length: 31 }, (_, d) => days[d + 1] ?? null), '']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The county's village incomes as a sheet (乡镇, 村, income in 元): 北村 of 七里河镇. */
export async function incomeSheet(incomeFen: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('村集体经济');
  ws.addRow(['乡镇', '村', '村集体经济收入（元）']);
  ws.addRow(['七里河镇', '北村', incomeFen / 100]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const dayAfter = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** A cadre's work log as a spreadsheet: columns matched by name. */
export async function logSheet(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('日志');
  ws.addRow(['日期', '地点', '走访对象', '情况']);
  ws.addRow(['2024-05-20', '北村', '刘大娘', '了解医保缴费情况']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
