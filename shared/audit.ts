/**
 * The audit log's vocabulary, pure: the kinds an inspector looks for first (derived from
 * action + entity in this one place), Chinese labels, and the field-by-field diff the
 * detail drawer shows.
 */

import { fieldLabel } from './auditFieldLabels';
import { ACTION_LABELS, entityLabel } from './auditLabels';
import { valueText, type AuditNames } from './auditValues';

export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'import',
  'attach',
  'move',
  'setup',
  'certify',
  'revoke',
  'finalise',
  'reopen',
  'backup',
  'restore',
  'export',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Events an inspector looks for first, each a set of (entity, actions). */
export const INSPECTOR_KINDS = {
  'attendance-certify': { label: '考勤认定', entity: 'attendance_certification', actions: ['create', 'certify'] },
  'attendance-revoke': { label: '撤销考勤认定', entity: 'attendance_certification', actions: ['update', 'revoke'] },
  'evaluation-finalise': { label: '考核定档', entity: 'eval_year', actions: ['finalise'] },
  'evaluation-reopen': { label: '考核重新打开', entity: 'eval_year', actions: ['reopen'] },
  'bundle-import': { label: '导入数据包', entity: 'bundle', actions: ['import'] },
  'roster-import': { label: '导入花名册', entity: 'roster', actions: ['import'] },
  backup: { label: '数据备份', entity: 'backup', actions: ['backup', 'create'] },
  restore: { label: '数据恢复', entity: 'backup', actions: ['restore'] },
} as const satisfies Record<string, { label: string; entity: string; actions: readonly AuditAction[] }>;
export type InspectorKind = keyof typeof INSPECTOR_KINDS;
export const INSPECTOR_KIND_KEYS = Object.keys(INSPECTOR_KINDS) as InspectorKind[];

/** The quick filters of the audit page and `onebag audit --inspector`. */
export const INSPECTOR_GROUPS = {
  attendance: { label: '考勤认定', kinds: ['attendance-certify', 'attendance-revoke'] },
  evaluation: { label: '考核定稿', kinds: ['evaluation-finalise', 'evaluation-reopen'] },
  imports: { label: '数据导入', kinds: ['bundle-import', 'roster-import'] },
} as const satisfies Record<string, { label: string; kinds: readonly InspectorKind[] }>;
export type InspectorGroup = keyof typeof INSPECTOR_GROUPS;

/** The inspector kind of an entry, or null for an ordinary change. */
export function kindOf(action: string, entity: string): InspectorKind | null {
  for (const k of INSPECTOR_KIND_KEYS) {
    const d = INSPECTOR_KINDS[k];
    if (d.entity === entity && (d.actions as readonly string[]).includes(action)) return k;
  }
  return null;
}

export { ACTION_LABELS, ENTITY_LABELS } from './auditLabels';

/** 「考勤认定」 for inspector events, else 「修改 干部」. */
export function describeAction(action: string, entity: string): string {
  const k = kindOf(action, entity);
  if (k) return INSPECTOR_KINDS[k].label;
  const a = ACTION_LABELS[action] ?? '操作';
  return `${a}${entityLabel(entity)}`;
}

/** One entry as the list shows it. */
export interface AuditRow {
  id: number;
  at: string;
  operator: string | null;
  action: string;
  entity: string;
  entityId: number | null;
  kind: InspectorKind | null;
  /** 「考勤认定」「修改干部」 */
  what: string;
  /** The record in words: names, month, year where known. */
  record: string;
  hasChange: boolean;
}

/** One entry with everything it recorded. */
export interface AuditEntry extends AuditRow {
  detail: unknown;
  before: unknown;
  after: unknown;
  /** Names behind the ids and file hashes in detail/before/after (shared/auditValues.ts). */
  names: AuditNames;
  prevHash: string | null;
  hash: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** Pass as `before` to get the next (older) page; null when there is none. */
  nextCursor: number | null;
  total: number;
}

/** Chain status: intact, or the first entry (1-based id) from which it no longer holds. */
export type ChainStatus =
  | { ok: true; entries: number; headId: number | null }
  | { ok: false; entries: number; brokenAt: number; reason: 'altered' | 'deleted' | 'tail-removed' | 'head-mismatch'; message: string };

export interface FieldDiff {
  field: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Fields the print leaves out of "what changed": bookkeeping, not content. */
const QUIET = new Set(['id', 'created_at', 'updated_at', 'name_initials', 'name_pinyin']);

/** How to word a record's fields: its type (姓名 or 名称) and the names behind its ids and hashes. */
export interface DiffContext {
  entity?: string;
  names?: AuditNames;
}

/** The changed fields in one line each; a new record lists what it was created with. */
export function changeLines(before: unknown, after: unknown, max = 6, ctx: DiffContext = {}): string[] {
  const created = before === undefined;
  const rows = diffFields(before, after, ctx).filter(
    (d) => d.changed && !QUIET.has(d.field) && !(created && (d.after === '（空）' || d.after === '')),
  );
  const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const lines = rows
    .slice(0, max)
    .map((d) => (created ? `${d.label}：${cut(d.after)}` : `${d.label}：${cut(d.before) || '—'} → ${cut(d.after) || '—'}`));
  if (rows.length > max) lines.push(`等 ${rows.length} 项`);
  if (created && lines.length) lines.unshift('新建：');
  return lines;
}

/** Field-by-field comparison of before and after (objects by key; anything else as one value), in Chinese. */
export function diffFields(before: unknown, after: unknown, ctx: DiffContext = {}): FieldDiff[] {
  const names = ctx.names ?? {};
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(before) && !isObj(after)) {
    if (before === undefined && after === undefined) return [];
    const bv = valueText('', before, names);
    const av = valueText('', after, names);
    return [{ field: '', label: '内容', before: bv, after: av, changed: bv !== av }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((k) => {
    const bv = isObj(before) ? valueText(k, b[k], names) : '';
    const av = isObj(after) ? valueText(k, a[k], names) : '';
    return { field: k, label: fieldLabel(k, ctx.entity), before: bv, after: av, changed: bv !== av };
  });
}
