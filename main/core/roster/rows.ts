/**
 * Checks one roster row and turns it into a cadre + posting, or into a Chinese reason a clerk
 * can act on. Pure: knows nothing of the database (see roster.ts for that).
 */
import { parseChineseDate } from '../../../shared/dates';
import {
  CADRE_LEVELS,
  PARTY_STATUSES,
  POST_TYPES,
  UNIT_LEVELS,
  type CadreLevel,
  type Gender,
  type PartyStatus,
  type PostType,
  type UnitLevel,
} from '../../../shared/domain';
import { checkIdNumber } from '../../../shared/idNumber';
import type { CellValue, SheetRow } from './sheet';

export interface RosterRecord {
  row: number;
  name: string;
  idNumber: string;
  gender: Gender;
  birthDate: string;
  postType: PostType;
  /** undefined = the sheet does not say: keep what is stored (or use the default for a new cadre). */
  partyStatus?: PartyStatus;
  phone?: string;
  level?: CadreLevel;
  unit?: { name: string; level: UnitLevel };
  county: string;
  township: string;
  village: string | null;
  start: string;
  end: string | null;
}

export type RowCheck = { ok: true; record: RosterRecord } | { ok: false; name: string | null; reason: string };

const POST_ALIASES: Record<string, PostType> = {
  第一副书记: '乡镇党委第一副书记',
  乡镇第一副书记: '乡镇党委第一副书记',
  乡镇党委第一副书记: '乡镇党委第一副书记',
  第一书记: '村党组织第一书记',
  驻村第一书记: '村党组织第一书记',
  村第一书记: '村党组织第一书记',
  村党支部第一书记: '村党组织第一书记',
  工作队员: '驻村工作队员',
  驻村队员: '驻村工作队员',
};
const PARTY_ALIASES: Record<string, PartyStatus> = {
  党员: '中共党员',
  中共党员: '中共党员',
  预备党员: '中共预备党员',
  团员: '共青团员',
  共青团员: '共青团员',
  民主党派: '民主党派',
  群众: '群众',
};
const UNIT_LEVEL_ALIASES: Record<string, UnitLevel> = {
  省: '省级',
  省直: '省级',
  省级: '省级',
  市: '市级',
  市直: '市级',
  市级: '市级',
  县: '县级',
  县直: '县级',
  县级: '县级',
  区级: '县级',
  区直: '县级',
  乡镇: '乡镇级',
  乡级: '乡镇级',
  镇级: '乡镇级',
  乡镇级: '乡镇级',
};
const LEVEL_ALIASES: Record<string, CadreLevel> = {
  市: '市级',
  市级: '市级',
  市派: '市级',
  市直: '市级',
  县: '县级',
  县级: '县级',
  县派: '县级',
  区级: '县级',
  区派: '县级',
};

function text(v: CellValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v).trim();
  return s === '' ? null : s;
}
const compact = (s: string) => s.replace(/[\s\u3000]/g, '');
/** A value as the clerk typed it, for messages. */
const shown = (v: CellValue | undefined) => text(v) ?? '';

function lookup<T extends string>(raw: string, known: readonly T[], aliases: Record<string, T>): T | null {
  const s = compact(raw);
  if ((known as readonly string[]).includes(s)) return s as T;
  return aliases[s] ?? null;
}

/** Month-only spellings (1985.03, 1985年3月, 198503) as used for 出生年月. */
const MONTH_ONLY = /^(\d{4})[-/.年](\d{1,2})月?$|^(\d{4})(\d{2})$/;

export function checkRosterRow(r: SheetRow): RowCheck {
  const c = r.cells;
  const reasons: string[] = [];
  const nameRaw = text(c.姓名);
  // Names are often padded for alignment ("张  三"); spaces inside a Chinese name are not part of it.
  const name = nameRaw === null ? null : /^[\p{Script=Han}\s\u3000]+$/u.test(nameRaw) ? compact(nameRaw) : nameRaw;
  if (!name) reasons.push('缺少姓名');
  else if (name.length > 30) reasons.push('姓名不能超过30个字');

  let idNumber = '';
  let idGender: Gender | null = null;
  let idBirth: string | null = null;
  if (typeof c.身份证号 === 'number') {
    reasons.push('身份证号被存成了数字，后几位可能已丢失；请把该列设为“文本”格式后重新填写');
  } else {
    const raw = text(c.身份证号);
    if (!raw) reasons.push('缺少身份证号');
    else {
      const chk = checkIdNumber(compact(raw));
      if (!chk.valid) reasons.push(chk.reason);
      else [idNumber, idGender, idBirth] = [chk.normalized, chk.gender, chk.birthDate];
    }
  }

  let gender: Gender | null = idGender;
  const genderRaw = text(c.性别);
  if (genderRaw) {
    const g = compact(genderRaw).replace(/性$/, '');
    if (g !== '男' && g !== '女') reasons.push(`性别“${genderRaw}”应为男或女`);
    else if (idGender && g !== idGender) reasons.push(`性别（${g}）与身份证号（${idGender}）不符`);
    else gender = g;
  }

  let birthDate = idBirth;
  const birthRaw = c.出生年月;
  if (text(birthRaw)) {
    const parsed = parseChineseDate(birthRaw, { allowMonth: true });
    if (!parsed) reasons.push(`出生年月“${shown(birthRaw)}”无法识别`);
    else {
      const monthOnly = typeof birthRaw === 'string' && MONTH_ONLY.test(compact(birthRaw));
      // A month-only entry that agrees with the ID number takes the ID's exact day.
      birthDate = monthOnly && idBirth?.slice(0, 7) === parsed.slice(0, 7) ? idBirth : parsed;
    }
  }

  let postType: PostType | null = null;
  const postRaw = text(c.任职类型);
  if (!postRaw) reasons.push('缺少任职类型');
  else {
    postType = lookup(postRaw, POST_TYPES, POST_ALIASES);
    if (!postType) reasons.push(`任职类型“${postRaw}”无法识别，应为${POST_TYPES.join('、')}之一`);
  }

  let partyStatus: PartyStatus | undefined;
  const partyRaw = text(c.政治面貌);
  if (partyRaw) {
    partyStatus = lookup(partyRaw, PARTY_STATUSES, PARTY_ALIASES) ?? undefined;
    if (!partyStatus) reasons.push(`政治面貌“${partyRaw}”无法识别，应为${PARTY_STATUSES.join('、')}之一`);
  }

  let phone: string | undefined;
  const phoneRaw = text(c.联系电话);
  if (phoneRaw) {
    phone = phoneRaw.replace(/[\s\u3000]/g, '');
    if (!/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(phone)) {
      reasons.push(`联系电话“${phoneRaw}”格式不对，应为11位手机号或带区号的固定电话`);
    }
  }

  let level: CadreLevel | undefined;
  const levelRaw = text(c.选派层级);
  if (levelRaw) {
    level = lookup(levelRaw, CADRE_LEVELS, LEVEL_ALIASES) ?? undefined;
    if (!level) reasons.push(`选派层级“${levelRaw}”无法识别，应为市级或县级`);
  }

  let unit: RosterRecord['unit'];
  const unitName = text(c.派出单位);
  const unitLevelRaw = text(c.派出单位层级);
  if (unitName) {
    // Without a level column: 市财政局 → 市级 by its first character; otherwise follow 选派层级.
    const ul: UnitLevel | null = unitLevelRaw
      ? lookup(unitLevelRaw, UNIT_LEVELS, UNIT_LEVEL_ALIASES)
      : (UNIT_LEVEL_ALIASES[compact(unitName)[0] ?? ''] ?? (level === '市级' ? '市级' : '县级'));
    if (unitLevelRaw && !ul) reasons.push(`派出单位层级“${unitLevelRaw}”无法识别，应为${UNIT_LEVELS.join('、')}之一`);
    if (ul) unit = { name: compact(unitName), level: ul };
    if (!level && unit) level = unit.level === '省级' || unit.level === '市级' ? '市级' : '县级';
  }

  const county = text(c['县(市、区)']);
  if (!county) reasons.push('缺少县（市、区）');
  const township = text(c.乡镇);
  if (!township) reasons.push('缺少乡镇');
  const village = text(c.村);
  if (!village && postType && postType !== '乡镇党委第一副书记') reasons.push(`${postType}须填写所在村`);

  const startRaw = c.任职开始;
  const start = text(startRaw) ? parseChineseDate(startRaw) : null;
  if (!text(startRaw)) reasons.push('缺少任职开始日期');
  else if (!start) reasons.push(`任职开始日期“${shown(startRaw)}”无法识别`);
  const endRaw = c.任职结束;
  const end = text(endRaw) ? parseChineseDate(endRaw) : null;
  if (text(endRaw) && !end) reasons.push(`任职结束日期“${shown(endRaw)}”无法识别`);
  if (start && end && end < start) reasons.push(`任职结束日期（${end}）早于开始日期（${start}）`);

  if (reasons.length) return { ok: false, name, reason: reasons.join('；') };
  return {
    ok: true,
    record: {
      row: r.row,
      name: name!,
      idNumber,
      gender: gender!,
      birthDate: birthDate!,
      postType: postType!,
      partyStatus,
      phone,
      level,
      unit,
      county: compact(county!),
      township: compact(township!),
      village: village ? compact(village) : null,
      start: start!,
      end,
    },
  };
}
