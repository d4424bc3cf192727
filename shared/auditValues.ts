/**
 * Audit values in words, for the log screen, its print and the CLI: ids as the names they stand
 * for, file hashes as file names, booleans as 是/否, times and dates in Chinese, fen as 元,
 * coded values in words. Field labels are in auditFieldLabels.ts, record labels in auditLabels.ts.
 */
import { fieldLabel, snake } from './auditFieldLabels';
import { dateLabel, monthLabel, timeLabel } from './dates';
import { CAP_LABELS, QUOTA_GROUP_LABELS, QUOTA_ROUNDING_LABELS, SCHEME_STATUS_LABELS } from './evaluation';
import { TEMPLATES } from './evaluation/templates';

/** Names behind ids and hashes, resolved by the main process: `county:1` → 岚川县, `blob:<sha256>` → file name. */
export type AuditNames = Record<string, string>;

/** Which table an id field points to (the key prefix in AuditNames). */
const ID_TABLE: Record<string, string> = {
  county_id: 'county',
  township_id: 'township',
  village_id: 'village',
  unit_id: 'unit',
  cadre_id: 'cadre',
  cadre_ids: 'cadre',
  material_id: 'material',
  scheme_id: 'scheme',
};
export const idTable = (field: string): string | null => ID_TABLE[snake(field)] ?? null;

const SHA256 = /^[0-9a-f]{64}$/;
const ISO_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** A stored calendar day (2025-03-07) or month (2025-03): shown as 2025年3月7日 / 2025年3月, as on every page. */
const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const FEN = new Set([
  'amount_fen',
  'cover_fen',
  'funds_fen',
  'income_fen',
  'revenue_fen',
  'investment_fen',
  'park_fen',
  'village_fen',
  'allowance_monthly_fen',
]);
/** A result row's component scores are keyed by the scheme's component keys: the templates' names for them. */
const COMPONENT_NAMES: Record<string, string> = Object.fromEntries(
  Object.values(TEMPLATES).flatMap((t) => t.body.components.map((c) => [c.key, c.label])),
);
/** Scores kept in hundredths of a point. */
const HUNDREDTHS = new Set(['hundredths', 'total_hundredths']);
/** Coded values of a field, in words (a cap's kind, a scheme's quota settings, a bundle's kind). */
const CODED_VALUES: Record<string, Record<string, string>> = {
  kind: { ...CAP_LABELS, county: '县级数据包', review: '评审数据包' },
  quota_group: QUOTA_GROUP_LABELS,
  quota_rounding: QUOTA_ROUNDING_LABELS,
  source: { score: '按分数录入', ballots: '按票数计分' },
  status: SCHEME_STATUS_LABELS,
  mode: { demo: '载入演示数据', empty: '从空白开始' },
  word_rendition: { libreoffice: '本机装有 LibreOffice 时用其转换', engine: '由本软件排版' },
};

/** 2024-03-05T06:07:00Z → 2024年3月5日 14:07 (local time). */
export function timeText(iso: string): string {
  return ISO_TIME.test(iso) ? timeLabel(iso) : iso;
}

/** A hash in words: the file's name when known, else a short, labelled hash. */
function fileText(sha: string, names: AuditNames): string {
  return names[`blob:${sha}`] ?? `文件（摘要 ${sha.slice(0, 8)}…）`;
}

/**
 * Ids kept inside a stored JSON text (a 考核结果 row's snapshot, a history entry's detail) are the
 * record's own: an imported row keeps its source county's ids there, which no import translates.
 * They are never looked up by local id: the record's own name beside the id says who
 * (cadreId → name, townshipId → township, …); without one the id is given as the record's.
 */
const OWN_NAME: Record<string, string> = { cadre_id: 'name', township_id: 'township', village_id: 'village', county_id: 'county' };

function snapshotText(field: string, v: unknown, names: AuditNames): string {
  const k = snake(field);
  if (idTable(k) && (typeof v === 'number' || Array.isArray(v))) {
    return `记录中的编号${(Array.isArray(v) ? v : [v]).map(String).join('、')}`;
  }
  if (Array.isArray(v)) return v.map((x) => snapshotText(field, x, names)).join('、');
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const named = (key: string) => {
      const own = OWN_NAME[snake(key)];
      return own !== undefined && typeof o[own] === 'string' && o[own] !== '';
    };
    return Object.entries(o)
      .filter(([key]) => !named(key))
      .map(([key, x]) => `${(k === 'component_scores' && COMPONENT_NAMES[key]) || fieldLabel(key)} ${snapshotText(key, x, names)}`)
      .join('，');
  }
  return valueText(field, v, names);
}

/** A bundle's reference to a row of its source department ("<fingerprint>#34"), as an import's detail keeps the row's key. */
const SOURCE_REF = /^[^#\s]+#(\d+)$/;

/** An imported row's key in its source's own numbers ("…#5 / 2025 / …#34" → 来源编号5 / 2025 / 来源编号34), never looked up here. */
function sourceKeyText(v: string): string | null {
  const parts = v.split(' / ');
  if (!parts.some((p) => SOURCE_REF.test(p))) return null;
  return parts.map((p) => p.replace(SOURCE_REF, '来源编号$1')).join(' / ');
}

/** One recorded value in words. */
export function valueText(field: string, v: unknown, names: AuditNames = {}): string {
  if (v === undefined) return '';
  if (v === null || v === '') return '（空）';
  const k = snake(field);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && FEN.has(k)) return `${(v / 100).toFixed(2)}元`;
  if (typeof v === 'number' && HUNDREDTHS.has(k)) return (v / 100).toFixed(2);
  if (typeof v === 'string' && CODED_VALUES[k]?.[v] !== undefined) return CODED_VALUES[k][v];
  if (k === 'park_share_bp' && typeof v === 'number') return `${v / 100}%`;
  const table = idTable(k);
  if (table && (typeof v === 'number' || Array.isArray(v))) {
    const ids = Array.isArray(v) ? v : [v];
    return ids.map((id) => names[`${table}:${String(id)}`] ?? `编号${String(id)}`).join('、');
  }
  if (k === 'seal_applied' && typeof v === 'number') return v ? '是' : '否';
  if (typeof v === 'string') {
    if (SHA256.test(v)) return fileText(v, names);
    if (k === 'key') {
      const source = sourceKeyText(v);
      if (source) return source;
    }
    if (ISO_TIME.test(v)) return timeText(v);
    if (ISO_DAY.test(v)) return dateLabel(v);
    if (ISO_MONTH.test(v)) return monthLabel(v);
    // a leader's contracts as written into the snapshot: 岚川县 2024-03-01 至今；…
    if (k === 'contracts') return v.replace(/\b\d{4}-\d{2}-\d{2}\b/g, (iso) => dateLabel(iso));
    // a column that stores JSON text (a history entry's detail): its keys in words too
    if (/^[[{]/.test(v)) {
      try {
        const parsed: unknown = JSON.parse(v);
        if (typeof parsed === 'object' && parsed !== null) return snapshotText(field, parsed, names);
      } catch {
        // not JSON: the text as written
      }
    }
    return v;
  }
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map((x) => valueText(field, x, names)).join('、');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // a file as recorded in a material: its name
    if (typeof o.name === 'string' && (typeof o.sha256 === 'string' || typeof o.originalName === 'string')) return o.name;
    if (typeof o.originalName === 'string') return o.originalName;
    return Object.entries(o)
      .map(([key, x]) => `${(k === 'component_scores' && COMPONENT_NAMES[key]) || fieldLabel(key)} ${valueText(key, x, names)}`)
      .join('，');
  }
  return String(v);
}
