/**
 * One Chinese error map for every zod schema. Schemas that carry their own message keep it;
 * everything else (a missing field, a wrong type, a bad enum value) gets a plain Chinese sentence
 * naming the field, so no zod English ("Invalid input: expected string…") reaches a clerk.
 *
 * Installed once, at import of this module (shared/api.ts imports it, so main's dispatch, the CLI
 * and the renderer all parse with it); `installChineseZodErrors()` is idempotent for entry points
 * that want to be explicit.
 */
import { z } from 'zod';

/** Chinese names of the input keys clerks meet; unknown keys are not printed (no English key leaks). */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: '名称',
  gender: '性别',
  birthDate: '出生年月',
  idNumber: '身份证号',
  partyStatus: '政治面貌',
  phone: '联系电话',
  unitId: '派出单位',
  level: '层级',
  postType: '任职类型',
  cadreId: '干部',
  countyId: '县（市、区）',
  townshipId: '乡镇',
  villageId: '村',
  start: '开始日期',
  end: '结束日期',
  date: '日期',
  year: '年度',
  month: '月份',
  quarter: '季度',
  half: '半年',
  title: '题名',
  category: '材料类别',
  responsible: '责任者',
  docNumber: '文号',
  secrecy: '密级',
  notes: '备注',
  note: '备注',
  reason: '原因',
  operator: '操作员姓名',
  kind: '类型',
  type: '类型',
  status: '状态',
  text: '内容',
  files: '文件',
  place: '地点',
  persons: '人员',
  deadline: '期限',
  weight: '权重',
  points: '分值',
  components: '考核组成部分',
  indicators: '指标',
  excellentQuota: '优秀名额',
  quotaGroup: '名额分组',
  ballots: '票数',
  q: '检索词',
  query: '检索词',
  limit: '条数',
  submittedOn: '报送日期',
  paidOn: '发放日期',
  certifiedOn: '认定日期',
  situation: '情况',
  difficulties: '困难',
  followUp: '后续措施',
  milestone: '节点',
  listedYear: '列入年度',
  startYear: '起始年度',
  secretaryName: '书记姓名',
  approver: '审批人',
  checker: '核查人',
  compiler: '编制人',
  code: '编码',
  entity: '对象',
  action: '操作',
  fonds: '全宗',
  retention: '保管期限',
};

function fieldOf(path: readonly PropertyKey[] | undefined): string {
  if (!path) return '';
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key === 'string') return FIELD_LABELS[key] ?? '';
  }
  return '';
}

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否',
  array: '列表',
  object: '一组数据',
  date: '日期',
  bigint: '整数',
};

/** The zod issue as the error map receives it (only the fields read here). */
interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
  divisor?: number | bigint;
}

function sizeUnit(origin: string | undefined): string {
  if (origin === 'string') return '个字';
  if (origin === 'array' || origin === 'set') return '项';
  return '';
}

/** The Chinese sentence for one issue, without the field name. */
function sentence(iss: RawIssue): string {
  const unit = sizeUnit(iss.origin);
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined || iss.input === null) return '必须填写，不能为空';
      return `应为${TYPE_NAMES[iss.expected ?? ''] ?? '有效的值'}`;
    case 'invalid_value':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return '不是可选的值，请从列表中选择';
    case 'too_small':
      if (iss.origin === 'string' && Number(iss.minimum) === 1) return '必须填写，不能为空';
      if (iss.origin === 'array' && Number(iss.minimum) === 1) return '至少需要一项';
      return unit ? `至少${String(iss.minimum)}${unit}` : `不能小于${String(iss.minimum)}`;
    case 'too_big':
      return unit ? `不能超过${String(iss.maximum)}${unit}` : `不能大于${String(iss.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'not_multiple_of':
      return `应为${String(iss.divisor)}的整数倍`;
    case 'unrecognized_keys':
      return '含有无法识别的内容';
    default:
      return '输入有误';
  }
}

/** The error map: "姓名：必须填写，不能为空", or just the sentence when the field has no Chinese name. */
export function chineseZodMessage(iss: RawIssue): string {
  const field = fieldOf(iss.path);
  const s = sentence(iss);
  return field ? `${field}：${s}` : s;
}

let installed = false;

/** Sets the map as zod's locale (schema-level messages still win). Safe to call more than once. */
export function installChineseZodErrors(): void {
  if (installed) return;
  z.config({ localeError: (iss) => chineseZodMessage(iss as RawIssue) });
  installed = true;
}

installChineseZodErrors();
