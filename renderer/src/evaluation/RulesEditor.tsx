/** Grade lines, the 优秀 quota and its group, grade caps from the records, ballot factors. */
import { InputNumber, Select, Space, Switch, Typography } from 'antd';
import {
  GRADES,
  QUOTA_GROUPS,
  QUOTA_GROUP_LABELS,
  QUOTA_ROUNDINGS,
  QUOTA_ROUNDING_LABELS,
  type BallotFactors,
  type CapKind,
  type CapRules,
  type Grade,
  type GradeThresholds,
  type SchemeBody,
} from '../../../shared/evaluation';
import { quotaRuleText } from '../../../shared/evaluation/results';

const gradeOptions = GRADES.map((g) => ({ value: g, label: g }));

export function RulesEditor({
  body,
  readOnly,
  onChange,
}: { body: SchemeBody; readOnly: boolean; onChange: (patch: Partial<SchemeBody>) => void }) {
  const t = body.thresholds;
  const linesOk = t.excellent > t.competent && t.competent > t.basic;
  const f = body.ballotFactors;
  const factorsOk = f.satisfied >= f.basic && f.basic >= f.unsatisfied;
  const caps = body.caps;
  const setCap = <K extends keyof CapRules>(k: K, patch: Partial<CapRules[K]>) =>
    onChange({ caps: { ...caps, [k]: { ...caps[k], ...patch } } });
  const maxGrade = (k: 'monthsShort' | 'noProject' | 'weakMilestone') => (
    <Select<Grade>
      size="small"
      value={caps[k].maxGrade}
      disabled={readOnly || !caps[k].enabled}
      options={gradeOptions}
      style={{ width: 100 }}
      onChange={(v) => setCap(k, { maxGrade: v })}
      aria-label="最高等次"
    />
  );

  /** A grade line; red while the three do not fall in order. */
  const line = (k: keyof GradeThresholds, label: string) => (
    <InputNumber
      size="small"
      value={t[k]}
      min={0}
      max={100}
      disabled={readOnly}
      status={linesOk ? undefined : 'error'}
      onChange={(v) => onChange({ thresholds: { ...t, [k]: v ?? 0 } })}
      aria-label={label}
    />
  );
  /** A ballot factor; red while the three are not non-increasing. */
  const factor = (k: keyof BallotFactors, label: string) => (
    <InputNumber
      size="small"
      value={f[k]}
      min={0}
      max={1}
      step={0.1}
      precision={2}
      disabled={readOnly}
      status={factorsOk ? undefined : 'error'}
      onChange={(v) => onChange({ ballotFactors: { ...f, [k]: v ?? 0 } })}
      aria-label={label}
    />
  );
  const capSwitch = (k: CapKind, label: string) => (
    <Switch size="small" checked={caps[k].enabled} disabled={readOnly} onChange={(v) => setCap(k, { enabled: v })} aria-label={label} />
  );

  return (
    <div className="ob-eval-rules">
      <section>
        <h4>等次分数线（总分，百分制）</h4>
        <Space wrap>
          <span>优秀 ≥</span>
          {line('excellent', '优秀分数线')}
          <span>称职 ≥</span>
          {line('competent', '称职分数线')}
          <span>基本称职 ≥</span>
          {line('basic', '基本称职分数线')}
          <span className="ob-muted">其余为不称职</span>
        </Space>
        {!linesOk && <div className="ob-eval-err">分数线应依次降低：优秀 &gt; 称职 &gt; 基本称职</div>}
      </section>
      <section>
        <h4>优秀名额</h4>
        <Space wrap>
          <span>优秀不超过</span>
          <InputNumber
            size="small"
            value={body.excellentQuota}
            min={0}
            max={100}
            precision={0}
            disabled={readOnly}
            onChange={(v) => onChange({ excellentQuota: v ?? 0 })}
            aria-label="优秀比例"
            suffix="%"
            style={{ width: 90 }}
          />
          <span>名额分组</span>
          <Select
            size="small"
            value={body.quotaGroup}
            disabled={readOnly}
            style={{ width: 130 }}
            options={QUOTA_GROUPS.map((g) => ({ value: g, label: QUOTA_GROUP_LABELS[g] }))}
            onChange={(v) => onChange({ quotaGroup: v })}
            aria-label="名额分组"
          />
          <span>取整</span>
          <Select
            size="small"
            value={body.quotaRounding}
            disabled={readOnly}
            style={{ width: 110 }}
            options={QUOTA_ROUNDINGS.map((r) => ({ value: r, label: QUOTA_ROUNDING_LABELS[r] }))}
            onChange={(v) => onChange({ quotaRounding: v })}
            aria-label="名额取整方式"
          />
          <span>参评不足</span>
          <InputNumber
            size="small"
            value={body.quotaMinGroupSize}
            min={1}
            max={100}
            precision={0}
            disabled={readOnly}
            onChange={(v) => onChange({ quotaMinGroupSize: v ?? 1 })}
            aria-label="评优秀的最少参评人数"
            suffix="人"
            style={{ width: 80 }}
          />
          <span>的组不评优秀</span>
        </Space>
        <div className="ob-muted" data-testid="quota-rule-text">
          {quotaRuleText(body)}。比例由本县确定（来源材料未规定）；分不到名额的组在考核结果和考核登记表上注明原因。
        </div>
      </section>
      <section>
        <h4>限制等次的情形（来自日常记录）</h4>
        <div className="ob-eval-caps">
          {capSwitch('checkAbsences', '督查不在岗')}
          <span>督查发现不在岗：按“规则设置”中本年度的次数限制等次（默认1次不得评优秀）</span>
          {capSwitch('monthsShort', '月在岗不足')}
          <span>
            在岗天数不足（规则设置的每月最少天数）的月份达到{' '}
            <InputNumber
              size="small"
              value={caps.monthsShort.atLeast}
              min={1}
              max={12}
              precision={0}
              disabled={readOnly || !caps.monthsShort.enabled}
              style={{ width: 60 }}
              onChange={(v) => setCap('monthsShort', { atLeast: v ?? 1 })}
              aria-label="不足月数"
            />{' '}
            个月，最高 {maxGrade('monthsShort')}
          </span>
          {capSwitch('noProject', '全年无项目')}
          <span>全年无乡村振兴项目，最高 {maxGrade('noProject')}</span>
          {capSwitch('weakMilestone', '薄弱村节点未完成')}
          <span>包扶薄弱村年度节点未完成，最高 {maxGrade('weakMilestone')}</span>
        </div>
      </section>
      <section>
        <h4>群众评议票数折算</h4>
        <Space wrap>
          <span>满意 ×</span>
          {factor('satisfied', '满意系数')}
          <span>基本满意 ×</span>
          {factor('basic', '基本满意系数')}
          <span>不满意 ×</span>
          {factor('unsatisfied', '不满意系数')}
        </Space>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          得分 =（满意票×{f.satisfied} + 基本满意票×{f.basic} + 不满意票×{f.unsatisfied}）÷ 总票数 × 满分；废票、空白票计0分。
        </Typography.Paragraph>
        {!factorsOk && <div className="ob-eval-err">系数应依次不增：满意 ≥ 基本满意 ≥ 不满意</div>}
      </section>
    </div>
  );
}
