/** Domain vocabulary shared by main, renderer, CLI and tests. Labels are the words users know. */

export const COUNTY_KINDS = ['县', '市', '区'] as const;
export type CountyKind = (typeof COUNTY_KINDS)[number];

export const UNIT_LEVELS = ['省级', '市级', '县级', '乡镇级'] as const;
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** 选派层级: who dispatched the cadre. */
export const CADRE_LEVELS = ['市级', '县级'] as const;
export type CadreLevel = (typeof CADRE_LEVELS)[number];

export const POST_TYPES = ['乡镇党委第一副书记', '村党组织第一书记', '驻村工作队员'] as const;
export type PostType = (typeof POST_TYPES)[number];

export const GENDERS = ['男', '女'] as const;
export type Gender = (typeof GENDERS)[number];

export const PARTY_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民主党派', '群众'] as const;
export type PartyStatus = (typeof PARTY_STATUSES)[number];

/** The bag's categories, in the order the archive files them (source report + 其他佐证材料). */
export const MATERIAL_CATEGORIES = [
  '调研报告',
  '村情民情台账',
  '会议记录',
  '月考勤登记表',
  '年度工作日志',
  '工作汇报',
  '工作总结',
  '其他佐证材料',
] as const;
export type MaterialCategory = (typeof MATERIAL_CATEGORIES)[number];

/**
 * The seven categories the source report names for the bag (调研报告…工作总结). The 完整性
 * indicator says which of them are still empty, never how many items were filed: work is
 * judged by results, not by the volume of records.
 */
export const REQUIRED_CATEGORIES = MATERIAL_CATEGORIES.filter((c) => c !== '其他佐证材料') as Array<
  Exclude<MaterialCategory, '其他佐证材料'>
>;

export const SECRECY_LEVELS = ['公开', '内部', '秘密', '机密'] as const;
export type SecrecyLevel = (typeof SECRECY_LEVELS)[number];

/** File kinds recognised from content (never from the extension). */
export const FILE_KINDS = ['pdf', 'jpeg', 'png', 'tiff', 'docx', 'xlsx', 'doc', 'xls', 'ofd', 'text'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: 'PDF 文档',
  jpeg: 'JPEG 图片',
  png: 'PNG 图片',
  tiff: 'TIFF 图片',
  docx: 'Word 文档',
  xlsx: 'Excel 表格',
  doc: 'Word 97-2003 文档',
  xls: 'Excel 97-2003 表格',
  ofd: 'OFD 版式文档',
  text: '纯文本',
};

/**
 * Active content found in an original at intake (PDFs): it is filed, but shown with a warning tag
 * and never run — every viewer of the app keeps scripting off.
 */
export const FILE_FLAGS = ['script', 'launch', 'attachment'] as const;
export type FileFlag = (typeof FILE_FLAGS)[number];

export const FILE_FLAG_LABELS: Record<FileFlag, string> = {
  script: '含脚本',
  launch: '含启动程序指令',
  attachment: '含附件',
};

export interface County {
  id: number;
  name: string;
  kind: CountyKind;
}
export interface Township {
  id: number;
  countyId: number;
  name: string;
}
export interface Village {
  id: number;
  townshipId: number;
  name: string;
}
export interface DispatchUnit {
  id: number;
  name: string;
  level: UnitLevel;
}

/** Where a county's data came from: null = this department's own; else an imported review copy (read-only). */
export interface CountyOrigin {
  /** Fingerprint of the exporting department's key. */
  origin: string | null;
  /** That department's name, from its trusted key. */
  originName: string | null;
  readOnly: boolean;
}

export interface OrgTree {
  counties: Array<County & CountyOrigin & { townships: Array<Township & { villages: Village[] }> }>;
  units: DispatchUnit[];
}

/** A posting: where a cadre serves and for how long. History is kept when a cadre moves. */
export interface Posting {
  id: number;
  cadreId: number;
  countyId: number;
  countyName: string;
  townshipId: number;
  townshipName: string;
  villageId: number | null;
  villageName: string | null;
  /** ISO date YYYY-MM-DD */
  start: string;
  /** ISO date; null while ongoing */
  end: string | null;
}

/** Row in the cadre list: ID number already masked by main. */
export interface CadreListRow {
  id: number;
  name: string;
  gender: Gender;
  idNumberMasked: string;
  postType: PostType;
  level: CadreLevel;
  unitName: string | null;
  county: string | null;
  township: string | null;
  village: string | null;
  /** Items filed (CLI and exports); the list's default columns show bagMissing instead. */
  materialCount: number;
  /** Required categories with nothing filed yet, in the bag's order (完整性, not a count). */
  bagMissing: MaterialCategory[];
}

export interface CadreDetail {
  id: number;
  name: string;
  gender: Gender;
  birthDate: string | null;
  idNumber: string;
  partyStatus: PartyStatus;
  phone: string | null;
  unitId: number | null;
  unitName: string | null;
  unitLevel: UnitLevel | null;
  level: CadreLevel;
  postType: PostType;
  postings: Posting[];
  createdAt: string;
  updatedAt: string;
}

export interface StoredFile {
  sha256: string;
  /** Name the file had when it arrived (shown to users, used for "open with"). */
  originalName: string;
  kind: FileKind;
  mime: string;
  size: number;
  pageCount: number | null;
  width: number | null;
  height: number | null;
  /** EXIF orientation 1..8 for JPEG/TIFF, else null. */
  orientation: number | null;
  /** Active content found at intake (empty for most files and for files filed before the check). */
  flags: FileFlag[];
}

export interface Material {
  id: number;
  cadreId: number;
  category: MaterialCategory;
  title: string;
  /** ISO date or null */
  date: string | null;
  year: number;
  responsible: string | null;
  docNumber: string | null;
  secrecy: SecrecyLevel;
  notes: string | null;
  files: StoredFile[];
  createdAt: string;
}

export interface MaterialSearchHit extends Material {
  cadreName: string;
  /** Pages whose text matched (recognised from a scan, or the PDF's own text); empty when the catalogue data matched. */
  pageHits?: PageTextHit[];
}

/** A match inside an original's text: which file and page, and the words around it. */
export interface PageTextHit {
  sha256: string;
  page: number;
  /** 'ocr': recognised from the page image (识别文字); 'pdf-text': the PDF's own text. */
  source: 'ocr' | 'pdf-text';
  snippet: string;
}

export interface RosterRowError {
  /** Row number as the spreadsheet shows it (header is row 1 when on the first line). */
  row: number;
  name: string | null;
  reason: string;
}

/** A row that will be imported, as the preview table lists it. */
export interface RosterPreviewRow {
  row: number;
  name: string;
  gender: Gender;
  birthDate: string;
  /** Masked: 1427**********4512. */
  idNumberMasked: string;
  postType: PostType;
  /** 政治面貌 as it will be stored; null for an existing cadre whose stored value is kept. */
  partyStatus: PartyStatus | null;
  unitName: string | null;
  place: string;
  start: string;
  end: string | null;
  /** 新增 / 更新 / 调动 / 任职结束 / 无变化. */
  action: string;
}

/** Something the import will do that the clerk must confirm (tick) before it may run. */
export interface RosterWarning {
  /** Stable for the same file and data: the confirm call sends these back. */
  key: string;
  text: string;
  /** Sheet rows concerned, when the warning is about rows. */
  rows: number[];
}

export interface RosterPreview {
  /** Columns recognised, by their Chinese header. */
  columns: string[];
  /** Optional columns the sheet lacks (stored values are kept; a new cadre gets none). */
  missingColumns: string[];
  /** Columns the sheet lacks that are taken from the ID number (性别, 出生年月): not missing. */
  derivedColumns: string[];
  goodRows: number;
  newCadres: number;
  updatedCadres: number;
  /** The good rows, in sheet order. */
  rows: RosterPreviewRow[];
  badRows: RosterRowError[];
  /** Organisation units that will be created on confirmation, e.g. "县 / 乡镇 / 村" paths and 派出单位 names. */
  newUnits: string[];
  /** To be ticked before importing (roster.commit refuses otherwise). */
  warnings: RosterWarning[];
}

export interface RosterResult {
  inserted: number;
  updated: number;
  skipped: number;
}

export interface StagedFile {
  token: string;
  name: string;
  size: number;
  kind: FileKind;
  pageCount: number | null;
  sha256: string;
  /** True when a file with the same content is already in this cadre's bag or anywhere in the store. */
  duplicateOf: string | null;
  /** Proposed from the file name: category, title, date, and the year (also when only a year is named). */
  suggestion: { category: MaterialCategory; title: string; date: string | null; year: number | null };
  /** Active content found at intake (filed, but shown with a warning tag). */
  flags?: FileFlag[];
  /** Accepted, but the user should know (e.g. "扩展名是 .jpg，但内容实际是 PDF 文档"). */
  notice?: string | null;
  /** Where the staged path pointed when it was a symbolic link (files handed over by path); else null. */
  symlinkTarget?: string | null;
}

export interface AppStatus {
  dataDir: string;
  operator: string | null;
  /** True until the user has chosen start-empty or demo data. */
  firstRun: boolean;
  cadreCount: number;
  materialCount: number;
  schemaVersion: number;
  /** 'electron' | 'bridge' | 'cli' */
  host: string;
  /** False until the operator is confirmed (or set up) since this start: the renderer then asks 当前操作员. */
  operatorConfirmed: boolean;
  /** When the newest backup in <data>/backups was made; null when there is none. */
  lastBackupAt: string | null;
  /** 'backupIntervalHours' (0 = scheduled backups off). */
  backupIntervalHours: number;
  /** The main process's business date (main/core/runtime/clock.ts), YYYY-MM-DD: the renderer's today. */
  today: string;
}
