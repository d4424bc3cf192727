/**
 * The audit log in Chinese, defined once for the printed log (main/dossier/auditPrint) and
 * the 审计日志 page and drawer (renderer/src/audit): action and record names, field labels,
 * and values in words — ids as the names they stand for, file hashes as file names, booleans
 * as 是/否, times as local Chinese dates, amounts in fen as 元.
 */
import { dateLabel, monthLabel, timeLabel } from './dates';
import { CAP_LABELS, QUOTA_GROUP_LABELS, QUOTA_ROUNDING_LABELS, SCHEME_STATUS_LABELS } from './evaluation';
import { TEMPLATES } from './evaluation/templates';

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
  city_leader: '市委组织部包县领导',
  check_leader: '督查领导',
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
  // a county bundle's import is logged per table (main/exchange/records/import.ts)
  counties: '县区',
  townships: '乡镇',
  villages: '村',
  units: '派出单位',
  cadres: '干部',
  postings: '任职',
  blobs: '原件',
  materials: '材料',
  material_files: '材料文件',
  attendance_certifications: '考勤认定',
  attendance_history: '考勤历史',
  projects: '项目',
  project_funds: '项目资金',
  weak_villages: '薄弱村',
  weak_milestones: '薄弱村节点',
  eval_schemes: '考核方案',
  eval_years: '年度考核',
  eval_year_log: '年度考核记录',
  eval_results: '考核结果',
  checks: '督查',
  check_results: '督查结果',
  county_settings: '县级设置',
  park_revenue: '产业园收益',
  report_submissions: '报告提交',
  unit_pledges: '派出单位承诺',
  worklog_entries: '工作日志',
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
  contracts: '承包县（市、区）',
  counties: '县（市、区）',
  leader: '督查领导',
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
  certification_id: '考勤认定',
  report_period: '报告期',
  changes: '变更格数',
  checked: '检查人数',
  not_on_post: '不在岗干部',
  absent: '缺席干部',
  expected: '应到人数',
  cadre_name: '干部',
  proof_sha256: '证明材料',
  required_level: '应审批层级',
  returned_on: '销假日期',
  concluded_by: '核查结论人',
  concluded_on: '核查日期',
  explanation: '情况说明',
  finding: '核查结果',
  outcome: '处理结果',
  revoked: '已撤销',
  certification_revoked: '考勤认定已撤销',
  material_title: '材料题名',
  supporters: '包扶干部',
  funds: '资金来源',
  investment_fen: '总投资',
  revenue: '收益',
  revenue_year: '收益年度',
  park_fen: '园区分得',
  village_fen: '村分得',
  chaired_by: '主持人',
  meeting_date: '会议日期',
  next_steps: '下步打算',
  problems: '存在问题',
  progress: '进展',
  recipient: '报送对象',
  recipient_kind: '报送对象类别',
  sent_on: '报送日期',
  components: '考核项目',
  label: '名称',
  weight: '权重',
  scale: '满分',
  indicators: '指标',
  points: '分值',
  thresholds: '等次分数线',
  excellent: '优秀',
  competent: '称职',
  excellent_quota: '优秀比例（%）',
  quota_group: '名额分组',
  quota_rounding: '名额取整',
  quota_min_group_size: '最少参评人数',
  caps: '等次限制',
  check_absences: '督查不在岗',
  enabled: '启用',
  months_short: '月在岗不足',
  at_least: '达到次数',
  max_grade: '最高等次',
  no_project: '全年无项目',
  weak_milestone: '薄弱村节点逾期',
  ballot_factors: '票数折算',
  activated: '已启用',
  cells: '分数格',
  counts: '各等次人数',
  hold_allowance: '暂停补助',
  signer: '签名单位',
  import_id: '导入批次',
  flags: '标记',
  at: '时间',
  snapshot: '当时情况',
  required: '应在岗天数',
  meets_minimum: '达到最少天数',
  text: '内容',
  slots: '优秀名额',
  pushed: '因名额调整人数',
  component_scores: '各项得分',
  score_grade: '按分数等次',
  group: '分组',
  quota_note: '名额说明',
  group_note: '分组说明',
  missing: '缺少分数',
  mode: '方式',
  action_id: '措施',
  changed: '已修改',
  created: '新建',
  postings: '任职',
  recall: '召回',
  with_dossiers: '含档案',
  check_date: '检查日期',
  word_rendition: 'Word 原件排版方式',
  marks: '到场登记',
  inserted: '新增条数',
  skipped: '跳过条数',
  backup_interval_hours: '定时备份间隔（小时）',
  allowance_monthly_fen: '每月补助标准',
  removed_file: '删除的文件',
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

/** A key that is not a code (a month grid's cell key, 王立新(1) 2024-03-01 全) is already in words. */
const CODE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The label of a field; `entity` tells 姓名 (a cadre) from 名称. Unknown fields are named as such. */
export function fieldLabel(field: string, entity?: string): string {
  if (!CODE_KEY.test(field)) return field;
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
      .map(([key, x]) => `${(k === 'component_scores' && COMPONENT_NAMES[key]) || fieldLabel(key)} ${valueText(key, x, names)}`)
      .join('，');
  }
  return String(v);
}
