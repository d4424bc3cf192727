/**
 * The audit log's vocabulary, pure: the kinds an inspector looks for first (derived from
 * action + entity in this one place), Chinese labels, and the field-by-field diff the
 * detail drawer shows.
 */

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

export const ACTION_LABELS: Record<AuditAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除',
  import: '导入',
  attach: '归档',
  move: '调动',
  setup: '初始设置',
  certify: '认定',
  revoke: '撤销',
  finalise: '定档',
  reopen: '重新打开',
  backup: '备份',
  restore: '恢复',
  export: '导出',
};

export const ENTITY_LABELS: Record<string, string> = {
  app: '系统',
  county: '县区',
  township: '乡镇',
  village: '村',
  unit: '派出单位',
  cadre: '干部',
  roster: '花名册',
  material: '材料',
  attendance_month: '月考勤',
  attendance_certification: '考勤认定',
  attendance_settings: '考勤设置',
  leave_request: '请假',
  holiday: '节假日',
  check: '督查',
  must_attend_event: '五必到活动',
  worklog: '工作日志',
  report_settings: '报告设置',
  report_due: '报告期限',
  report_submission: '报告提交',
  register_verification: '考勤登记核查',
  plan: '工作计划',
  project: '项目',
  weak_village: '薄弱村',
  village_income: '村集体收入',
  weak_milestone: '薄弱村节点',
  weak_action: '薄弱村措施',
  allowance_payment: '补助发放',
  work_setting: '补助标准',
  insurance_policy: '保险',
  unit_pledge: '派出单位承诺',
  eval_scheme: '考核方案',
  eval_scores: '考核评分',
  eval_ballots: '群众评议票',
  eval_year: '年度考核',
  eval_outcome: '表彰与使用',
  bundle: '数据包',
  backup: '备份',
};

/** 「考勤认定」 for inspector events, else 「修改 干部」. */
export function describeAction(action: string, entity: string): string {
  const k = kindOf(action, entity);
  if (k) return INSPECTOR_KINDS[k].label;
  const a = (ACTION_LABELS as Record<string, string>)[action] ?? action;
  return `${a}${ENTITY_LABELS[entity] ?? entity}`;
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

const FIELD_LABELS: Record<string, string> = {
  name: '姓名/名称',
  title: '题名',
  category: '类别',
  date: '日期',
  month: '月份',
  year: '年度',
  status: '状态',
  reason: '原因',
  note: '备注',
  kind: '类型',
  secretaryName: '乡镇党委书记',
  secretary_name: '乡镇党委书记',
  certifiedOn: '认定日期',
  certified_on: '认定日期',
  revoked_at: '撤销时间',
  revoked_reason: '撤销原因',
  revoked_by: '撤销人',
  finalised_at: '定档时间',
  finalisedAt: '定档时间',
  id_number: '身份证号',
  phone: '联系电话',
  gender: '性别',
  post_type: '任职类型',
  level: '层级',
  created_at: '创建时间',
  created_by: '录入人',
  id: '编号',
  township_id: '乡镇编号',
  cadre_id: '干部编号',
  scan_sha256: '扫描件 SHA-256',
  seal_applied: '已盖章',
  birth_date: '出生日期',
  party_status: '政治面貌',
  unit_id: '派出单位编号',
  body: '内容',
  activated_at: '启用时间',
  scheme_id: '方案编号',
  results: '考核结果',
};

/** Fields the print leaves out of "what changed": bookkeeping, not content. */
const QUIET = new Set(['id', 'created_at', 'updated_at']);

/** The changed fields in one line each; a new record lists what it was created with. */
export function changeLines(before: unknown, after: unknown, max = 6): string[] {
  const created = before === undefined;
  const rows = diffFields(before, after).filter((d) => d.changed && !QUIET.has(d.field) && !(created && (d.after === '（空）' || d.after === '')));
  const cut = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);
  const lines = rows.slice(0, max).map((d) => (created ? `${d.label}：${cut(d.after)}` : `${d.label}：${cut(d.before) || '—'} → ${cut(d.after) || '—'}`));
  if (rows.length > max) lines.push(`等 ${rows.length} 项`);
  if (created && lines.length) lines.unshift('新建：');
  return lines;
}

const show = (v: unknown): string => (v === undefined ? '' : v === null ? '（空）' : typeof v === 'string' ? v : JSON.stringify(v));

/** Field-by-field comparison of before and after (objects by key; anything else as one value). */
export function diffFields(before: unknown, after: unknown): FieldDiff[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObj(before) && !isObj(after)) {
    if (before === undefined && after === undefined) return [];
    return [{ field: '', label: '内容', before: show(before), after: show(after), changed: show(before) !== show(after) }];
  }
  const b = isObj(before) ? before : {};
  const a = isObj(after) ? after : {};
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.map((k) => {
    const bv = isObj(before) ? show(b[k]) : '';
    const av = isObj(after) ? show(a[k]) : '';
    return { field: k, label: FIELD_LABELS[k] ?? k, before: bv, after: av, changed: bv !== av };
  });
}
