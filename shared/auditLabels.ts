/**
 * The audit log in Chinese, defined once for the printed log (main/dossier/auditPrint) and
 * the 审计日志 page and drawer (renderer/src/audit): action and record names, field labels,
 * and values in words — ids as the names they stand for, file hashes as file names, booleans
 * as 是/否, times as local Chinese dates, amounts in fen as 元.
 */
import { dateLabel, monthLabel, timeLabel } from './dates';

export const ACTION_LABELS: Record<string, string> = {
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
  department: '部门',
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
  rule_settings: '规则设置',
  report_due: '报告期限',
  report_submission: '报告提交',
  plan: '工作计划',
  project: '项目',
  weak_village: '薄弱村',
  village_income: '村集体收入',
  county_programme: '选派工作设置',
  scheduling_meeting: '季度调度',
  report_route: '报告报送',
  register_verification: '考勤登记核查',
  weak_milestone: '薄弱村节点',
  weak_action: '薄弱村措施',
  allowance_payment: '补助发放',
  work_setting: '补助标准',
  insurance_policy: '保险',
  unit_pledge: '派出单位承诺',
  eval_scheme: '考核方案',
  eval_scores: '考核评分',
  eval_ballots: '群众评议票',
  eval_comment: '评审意见',
  eval_review: '评审',
  eval_year: '年度考核',
  eval_outcome: '表彰与使用',
  bundle: '数据包',
  backup: '备份',
  signing_key: '本机签名密钥',
  trusted_key: '受信任的签名公钥',
  settings: '设置',
  dossier_settings: '档案设置',
};

/** The record type in words; an unknown type is named as such, never shown as a code. */
export const entityLabel = (entity: string): string => ENTITY_LABELS[entity] ?? '其他记录';

/** Field labels; snake_case columns and camelCase detail keys alike. */
const FIELDS: Record<string, string> = {
  name: '名称',
  title: '题名',
  category: '类别',
  date: '日期',
  month: '月份',
  year: '年度',
  status: '状态',
  reason: '原因',
  note: '备注',
  notes: '备注',
  kind: '类型',
  type: '类型',
  secretary_name: '乡镇党委书记',
  certified_on: '认定日期',
  revoked_at: '撤销时间',
  revoked_reason: '撤销原因',
  revoked_by: '撤销人',
  finalised_at: '定档时间',
  id_number: '身份证号',
  phone: '联系电话',
  gender: '性别',
  post_type: '任职类型',
  level: '层级',
  created_at: '创建时间',
  created_by: '录入人',
  confirmed_at: '确认时间',
  confirmed_by: '确认人',
  confirmed: '已确认',
  linked_at_intake: '归档时自动关联',
  withdrawn: '撤销',
  updated_at: '修改时间',
  id: '编号',
  county: '县（市、区）',
  county_id: '所属县',
  township: '乡镇',
  township_id: '所属乡镇',
  village: '村',
  village_id: '所属村',
  unit: '派出单位',
  unit_id: '派出单位',
  cadre: '干部',
  cadre_id: '干部',
  cadre_ids: '干部',
  scan_sha256: '认定扫描件',
  seal_applied: '已盖章',
  birth_date: '出生日期',
  party_status: '政治面貌',
  body: '内容',
  activated_at: '启用时间',
  scheme_id: '考核方案',
  results: '考核结果',
  absence_reason: '缺席原因',
  action: '操作',
  added: '新增条数',
  amount_fen: '金额',
  approval_level: '审批层级',
  approved_on: '批准日期',
  approver: '批准人',
  author: '责任者',
  ballots: '评议票',
  basic: '基本情况',
  bundle_id: '数据包',
  by_whom: '经办人',
  cell: '考勤格',
  check_id: '督查',
  checker: '检查人',
  code: '代码',
  comment: '意见',
  component: '考核项目',
  cover_fen: '保额',
  date_from: '起始日期',
  days: '天数',
  deadline: '截止日期',
  description: '说明',
  detail: '详情',
  difficulties: '困难',
  doc_number: '文号',
  due_date: '应交日期',
  end: '结束日期',
  end_date: '结束日期',
  end_half: '结束半天',
  entity: '记录类型',
  entity_id: '记录编号',
  entry_id: '日志',
  event_id: '活动',
  file: '文件',
  files: '文件',
  findings: '发现问题',
  fingerprint: '公钥指纹',
  follow_up: '下步打算',
  from: '原值',
  funds_fen: '资金',
  goal: '目标',
  grade: '等次',
  groups: '分组',
  half: '半天',
  half_due_days: '半年报送期限（天）',
  height: '高度',
  hundredths: '分数',
  in_park: '入园',
  income_fen: '收入',
  insurer: '保险公司',
  items: '条目数',
  key: '项目',
  leave_id: '请假',
  listed_year: '列入年度',
  local_id: '本地编号',
  material_id: '材料',
  measures: '措施',
  milestone: '节点',
  mime: '文件类型',
  name_initials: '姓名首字母',
  name_pinyin: '姓名拼音',
  on_post: '在岗',
  operator: '操作员',
  orientation: '方向',
  origin: '来源',
  original_name: '文件名',
  page_count: '页数',
  paid_on: '发放日期',
  park_share_bp: '园区分成',
  period: '期别',
  persons: '走访对象',
  place: '地点',
  plan_id: '计划',
  policy_no: '保单号',
  position: '职务',
  posting: '任职',
  posting_id: '任职',
  present: '到场',
  previous: '原任职',
  project_id: '项目',
  projects: '项目',
  public_key: '公钥',
  publicised_on: '公示日期',
  publicised_place: '公示地点',
  quarter: '季度',
  quarter_due_days: '季度报送期限（天）',
  rank: '名次',
  remote_id: '对方编号',
  responsibility: '职责',
  responsible: '责任者',
  returned_at: '销假时间',
  returned_half: '销假半天',
  revenue_fen: '收入',
  row: '行',
  satisfied: '满意',
  secrecy: '密级',
  settings: '设置',
  sha256: '文件',
  signer_name: '签名单位',
  situation: '情况',
  size: '大小',
  source: '来源',
  start: '开始日期',
  start_date: '开始日期',
  start_half: '开始半天',
  start_year: '起始年度',
  submitted_on: '提交日期',
  template: '模板',
  to: '新值',
  total_hundredths: '总分',
  trusted_at: '信任时间',
  unchanged: '未变条数',
  unsatisfied: '不满意',
  updated: '更新条数',
  value: '值',
  version: '版本',
  width: '宽度',
  count: '数量',
  total: '合计',
  fonds: '全宗号',
  org: '机构代码',
  retention: '保管期限',
  compiler: '立卷人',
  page_number_style: '页码样式',
  body_font: '正文字体',
  path: '位置',
  out_dir: '输出位置',
  rows: '行数',
  cadres: '干部人数',
  unscored: '分数未录全的干部',
  materials: '材料件数',
  dry_run: '仅检查',
  monthly_minimum: '每月最少在岗天数',
  gongchu_counts_on_post: '公出计入在岗',
  leave_township_max_days: '乡镇审批请假天数上限',
  certify_deadline_days: '考勤认定期限（天）',
  check_absence: '督查不在岗限制等次',
  no_excellent_at: '不得评优秀的不在岗次数',
  max_basic_at: '最高评基本称职的不在岗次数',
  incompetent_at: '评为不称职的不在岗次数',
  rest_days_count: '休息日计入在岗',
  print_rank_on_sheet: '考核登记表打印组内排名',
  effective_year: '施行年度',
  annual_plan_due_days: '年度计划制订期限（天）',
};

/** camelCase → snake_case, so detail keys (cadreIds, bundleId) share the column labels. */
const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The label of a field; `entity` tells 姓名 (a cadre) from 名称. Unknown fields are named as such. */
export function fieldLabel(field: string, entity?: string): string {
  const k = snake(field);
  if (k === 'name') return entity === 'cadre' ? '姓名' : '名称';
  return FIELDS[k] ?? FIELDS[field] ?? '其他项';
}

/** Whether a field label is known (tests use it to find keys still without a label). */
export const hasFieldLabel = (field: string): boolean => FIELDS[snake(field)] !== undefined || snake(field) === 'name';

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
const FEN = new Set(['amount_fen', 'cover_fen', 'funds_fen', 'income_fen', 'revenue_fen']);

/** 2024-03-05T06:07:00Z → 2024年3月5日 14:07 (local time). */
export function timeText(iso: string): string {
  return ISO_TIME.test(iso) ? timeLabel(iso) : iso;
}

/** A hash in words: the file's name when known, else a short, labelled hash. */
function fileText(sha: string, names: AuditNames): string {
  return names[`blob:${sha}`] ?? `文件（摘要 ${sha.slice(0, 8)}…）`;
}

/** One recorded value in words. */
export function valueText(field: string, v: unknown, names: AuditNames = {}): string {
  if (v === undefined) return '';
  if (v === null || v === '') return '（空）';
  const k = snake(field);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' && FEN.has(k)) return `${(v / 100).toFixed(2)}元`;
  if (k === 'park_share_bp' && typeof v === 'number') return `${v / 100}%`;
  const table = idTable(k);
  if (table && (typeof v === 'number' || Array.isArray(v))) {
    const ids = Array.isArray(v) ? v : [v];
    return ids.map((id) => names[`${table}:${String(id)}`] ?? `编号${String(id)}`).join('、');
  }
  if (k === 'seal_applied' && typeof v === 'number') return v ? '是' : '否';
  if (typeof v === 'string') {
    if (SHA256.test(v)) return fileText(v, names);
    if (ISO_TIME.test(v)) return timeText(v);
    if (ISO_DAY.test(v)) return dateLabel(v);
    if (ISO_MONTH.test(v)) return monthLabel(v);
    // a column that stores JSON text (a history entry's detail): its keys in words too
    if (/^[[{]/.test(v)) {
      try {
        const parsed: unknown = JSON.parse(v);
        if (typeof parsed === 'object' && parsed !== null) return valueText(field, parsed, names);
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
      .map(([key, x]) => `${fieldLabel(key)} ${valueText(key, x, names)}`)
      .join('，');
  }
  return String(v);
}
