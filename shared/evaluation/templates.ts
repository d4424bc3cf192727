/**
 * Schemes shipped as templates (see docs/domain.md "Year-end evaluation in practice"):
 * 蒲县 70/20/10, 蒲县 "五评" 5 × 20%, and a 30% villagers' scheme (梨林镇 style). A county
 * copies one into a draft and adjusts it. The 优秀 percentages are placeholders the county
 * must confirm: the source report sets no quota, and the descriptions say so.
 */
import type { CapRules, SchemeBody, SchemeComponent, SchemeTemplate, TemplateKey } from '../evaluation';

const DEFAULT_CAPS: CapRules = {
  checkAbsences: { enabled: true },
  monthsShort: { enabled: true, atLeast: 1, maxGrade: '称职' },
  noProject: { enabled: true, maxGrade: '称职' },
  weakMilestone: { enabled: true, maxGrade: '基本称职' },
};

const base = (name: string, components: SchemeComponent[], excellentQuota: number, quotaGroup: SchemeBody['quotaGroup']): SchemeBody => ({
  name,
  components,
  thresholds: { excellent: 90, competent: 75, basic: 60 },
  excellentQuota,
  quotaGroup,
  quotaRounding: 'floor',
  quotaMinGroupSize: 1,
  caps: JSON.parse(JSON.stringify(DEFAULT_CAPS)) as CapRules,
  ballotFactors: { satisfied: 1, basic: 0.6, unsatisfied: 0 },
});

const whole = (key: string, label: string, weight: number, source: SchemeComponent['source'] = 'score'): SchemeComponent => ({
  key,
  label,
  weight,
  scale: 100,
  source,
  indicators: {},
});

/** 差异化考核: the township/organisation appraisal scored on different items per post. */
const differentiated = (key: string, label: string, weight: number): SchemeComponent => ({
  key,
  label,
  weight,
  scale: 100,
  source: 'score',
  indicators: {
    村党组织第一书记: [
      { key: 'party', label: '建强村党组织', points: 30 },
      { key: 'income', label: '推进强村富民', points: 30 },
      { key: 'govern', label: '提升治理水平', points: 20 },
      { key: 'serve', label: '为民办事服务', points: 20 },
    ],
    乡镇党委第一副书记: [
      { key: 'lead', label: '抓党建促乡村振兴', points: 40 },
      { key: 'coord', label: '统筹驻村工作', points: 30 },
      { key: 'funds', label: '协调项目资金', points: 30 },
    ],
    驻村工作队员: [
      { key: 'tasks', label: '落实驻村任务', points: 50 },
      { key: 'serve', label: '服务群众', points: 30 },
      { key: 'discipline', label: '遵守纪律', points: 20 },
    ],
  },
});

export const TEMPLATES: Record<TemplateKey, SchemeTemplate> = {
  puxian: {
    key: 'puxian',
    name: '蒲县方案（70/20/10）',
    description:
      '乡镇目标考核占70%（按岗位分设指标），群众匿名投票占20%，县级核查占10%；全县统一分配优秀名额，比例预填20%（来源材料未规定比例，请按本县规定修改）。',
    body: base(
      '驻村干部年度考核方案（蒲县模式）',
      [differentiated('target', '乡镇目标考核', 70), whole('vote', '群众匿名投票', 20, 'ballots'), whole('county', '县级核查', 10)],
      20,
      'county',
    ),
  },
  wuping: {
    key: 'wuping',
    name: '“五评”方案（各20%）',
    description:
      '派出单位、乡镇党委、村党组织、村民代表、第三方各评20%；村民代表以票数计分；按乡镇分配优秀名额，比例预填20%（来源材料未规定比例，请按本县规定修改；人数少的乡镇可能分不到名额，结果中注明原因）。',
    body: base(
      '驻村干部年度考核方案（“五评”）',
      [
        whole('unit', '派出单位评', 20),
        whole('township', '乡镇党委评', 20),
        whole('branch', '村党组织评', 20),
        whole('reps', '村民代表评', 20, 'ballots'),
        whole('third', '第三方评', 20),
      ],
      20,
      'township',
    ),
  },
  villagers30: {
    key: 'villagers30',
    name: '群众评议30%方案（一述两评一查）',
    description:
      '述职20%、组织评议30%（按岗位分设指标）、群众评议30%、实地核查20%；全县统一分配优秀名额，比例预填10%（来源材料未规定比例，请按本县规定修改）。',
    body: base(
      '驻村干部年度考核方案（一述两评一查）',
      [
        whole('report', '述职', 20),
        differentiated('org', '组织评议', 30),
        whole('villagers', '群众评议', 30, 'ballots'),
        whole('verify', '实地核查', 20),
      ],
      10,
      'county',
    ),
  },
};

export const templateBody = (key: TemplateKey): SchemeBody => JSON.parse(JSON.stringify(TEMPLATES[key].body)) as SchemeBody;
