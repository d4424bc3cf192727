/**
 * 规则设置: every threshold the code reads that local practice may change, for one county and
 * year. Saving stores a new version effective from the chosen year (nothing stored is
 * rewritten); the history lists every version. The 优秀 quota lives in the year's evaluation
 * scheme and is shown here with a link to it.
 */
import { Alert, Button, Descriptions, Empty, Input, InputNumber, Select, Switch, Table, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useState } from 'react';
import type { CheckAbsenceThresholds } from '../../../shared/attendance';
import { rulesSourceText, type RuleSettings, type RuleVersion } from '../../../shared/rules';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { CountySelect } from '../common/CountySelect';
import { AddCountyButton, OrgSection } from './OrgSection';
import { ReadOnlyHint, useCountyReadOnly } from '../common/useReadOnly';
import { useNotify } from '../util/notify';
import { dateLabel, yearOptions } from '../../../shared/dates';
import { settle } from '../util/settle';
import { thisYear } from '../app/today';
import { isId, useRemembered } from '../common/remembered';

/** The settings edited as a number of days, and those edited as on/off. */
type DaysKey = 'monthlyMinimum' | 'leaveTownshipMaxDays' | 'certifyDeadlineDays' | 'quarterDueDays' | 'halfDueDays' | 'annualPlanDueDays';
type SwitchKey = 'gongchuCountsOnPost' | 'restDaysCount' | 'printRankOnSheet';

export function RulesPage() {
  const { org, navigate } = useAppState();
  const counties = org?.counties ?? [];
  // Coming back from another page returns to the county the clerk left.
  const [countyId, setCountyId] = useRemembered('rules.county', isId);
  const county = counties.find((c) => c.id === countyId) ?? counties[0];
  const [year, setYear] = useState(() => thisYear());
  const [tick, setTick] = useState(0);
  const view = useCall('rules.get', county ? { countyId: county.id, year } : null, `${county?.id}|${year}|${tick}`);
  const [edited, setEdited] = useState<{ key: string; s: RuleSettings } | null>(null);
  const viewKey = `${county?.id}|${year}|${view.data?.version ?? 0}|${view.data?.effectiveYear ?? 0}`;
  const draft = edited && edited.key === viewKey ? edited.s : (view.data?.settings ?? null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const readOnly = useCountyReadOnly(county?.id);
  useShowsRecordsOf({ counties: [county?.id] });
  const { success } = useNotify();

  const set = (patch: Partial<RuleSettings>) => draft && setEdited({ key: viewKey, s: { ...draft, ...patch } });
  const num = (v: number | string | null) => (v === null || v === '' ? Number.NaN : Number(v));

  const save = async () => {
    if (!draft || !county) return;
    setError(null);
    try {
      const after = await call('rules.set', { countyId: county.id, year, patch: draft, note: note.trim() || null });
      success(after.source === 'version' ? `已保存为${after.effectiveYear}年起施行的第${after.version}版规则` : '规则未改变');
      setEdited(null);
      setNote('');
      setTick((t) => t + 1);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (org && !county)
    return (
      <Empty style={{ marginTop: 80 }} description="还没有县（市、区）。请先导入花名册，或新增县（市、区）后添加乡镇和村。">
        <AddCountyButton onAdded={setCountyId} />
      </Empty>
    );
  const v = view.data;
  const c = draft?.checkAbsence;
  /** A number of days (an empty box is NaN, refused on save, not read as 0). */
  const days = (k: DaysKey, label: string, min: number, max: number, step?: number) => (
    <InputNumber
      min={min}
      max={max}
      step={step}
      value={draft?.[k]}
      onChange={(x) => set({ [k]: num(x) })}
      aria-label={label}
      suffix="天"
      disabled={readOnly}
    />
  );
  const toggle = (k: SwitchKey, label: string) => (
    <Switch checked={draft?.[k]} onChange={(x) => set({ [k]: x })} aria-label={label} disabled={readOnly} />
  );
  /** One of the 督查不在岗 counts that cap the year's grade. */
  const times = (k: keyof CheckAbsenceThresholds, label: string) =>
    c && (
      <InputNumber
        min={1}
        max={50}
        value={c[k]}
        onChange={(x) => set({ checkAbsence: { ...c, [k]: num(x) } })}
        aria-label={label}
        suffix="次"
        style={{ width: 86 }}
        disabled={readOnly}
      />
    );
  return (
    <>
      <div className="ob-page-title">
        <h2>规则设置</h2>
        <Select
          value={year}
          onChange={(y) => setYear(y)}
          options={yearOptions(thisYear(), year)}
          style={{ width: 110 }}
          aria-label="年度"
          data-testid="rules-year"
        />
        <CountySelect counties={counties} value={county?.id} onChange={setCountyId} />
        {v && (
          <Tag color={v.source === 'version' ? 'blue' : 'default'} data-testid="rules-source">
            {rulesSourceText(v)}
          </Tag>
        )}
      </div>
      {view.error && <Alert type="error" showIcon title={view.error} style={{ marginBottom: 8 }} />}
      <div className="ob-fill" style={{ overflow: 'auto', background: '#fff', padding: '12px 16px' }} data-testid="rules-page">
        {draft && c && (
          <div style={{ maxWidth: 760 }}>
            <Descriptions size="small" bordered column={1} styles={{ label: { width: 260 } }}>
              <Descriptions.Item label="每月最少在岗天数">{days('monthlyMinimum', '每月最少在岗天数', 1, 31)}</Descriptions.Item>
              <Descriptions.Item label="公出计入在岗天数">{toggle('gongchuCountsOnPost', '公出计入在岗天数')}</Descriptions.Item>
              <Descriptions.Item label="休息日（周末、节假日）计入在岗天数">
                {toggle('restDaysCount', '休息日计入在岗天数')}
                <div className="ob-muted">关闭时，休息日登记为在岗或公出的才计入，休息日缺勤不算缺勤</div>
              </Descriptions.Item>
              <Descriptions.Item label="乡镇党委审批请假天数上限">
                {days('leaveTownshipMaxDays', '乡镇审批请假天数上限', 0.5, 60, 0.5)}
                <div className="ob-muted">超过此天数由县委组织部审批</div>
              </Descriptions.Item>
              <Descriptions.Item label="月考勤认定期限（月末后）">{days('certifyDeadlineDays', '考勤认定期限', 0, 90)}</Descriptions.Item>
              <Descriptions.Item label="督查发现不在岗，限制年度考核等次">
                <div style={{ display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap' }}>
                  {times('noExcellentAt', '不得评优秀的不在岗次数')}
                  <span>不得评优秀，</span>
                  {times('maxBasicAt', '最高评基本称职的不在岗次数')}
                  <span>最高基本称职，</span>
                  {times('incompetentAt', '评为不称职的不在岗次数')}
                  <span>评为不称职</span>
                </div>
              </Descriptions.Item>
              <Descriptions.Item label="季度报告期限（季度结束后）">{days('quarterDueDays', '季度报告期限', 0, 90)}</Descriptions.Item>
              <Descriptions.Item label="半年总结期限（半年结束后）">{days('halfDueDays', '半年总结期限', 0, 90)}</Descriptions.Item>
              <Descriptions.Item label="年度工作计划制订期限（年初或到任后）">
                {days('annualPlanDueDays', '年度计划制订期限', 0, 90)}
                <div className="ob-muted">逾期没有录入当年年度工作计划的，列入预警</div>
              </Descriptions.Item>
              <Descriptions.Item label="考核登记表打印组内排名">
                {toggle('printRankOnSheet', '考核登记表打印组内排名')}
                <div className="ob-muted">考核登记表归入干部人事档案，默认不打印排名</div>
              </Descriptions.Item>
              <Descriptions.Item label="优秀名额（在考核方案中设置）">
                <div data-testid="rules-quota">
                  {v?.quota ? `“${v.quota.schemeName}”第${v.quota.schemeVersion}版：${v.quota.text}` : `${year}年度尚未启用考核方案`}
                </div>
                <Button size="small" type="link" style={{ padding: 0 }} onClick={() => navigate({ kind: 'evaluation', year })}>
                  打开{year}年度考核方案
                </Button>
              </Descriptions.Item>
            </Descriptions>
            <div style={{ display: 'flex', gap: 8, marginTop: 12, alignItems: 'center' }}>
              <Input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={200}
                placeholder="修改说明（可选），如 依据县委组织部2025年1号文件"
                aria-label="修改说明"
                style={{ flex: 1 }}
                disabled={readOnly}
              />
              <ReadOnlyHint readOnly={readOnly}>
                <Button type="primary" onClick={settle(save)} data-testid="rules-save">
                  保存为{year}年起施行的规则
                </Button>
              </ReadOnlyHint>
            </div>
            {error && <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} data-testid="rules-error" />}
            <h4 style={{ marginTop: 18 }}>历次设置</h4>
            <Table<RuleVersion>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={v?.history ?? []}
              locale={{ emptyText: '尚未保存过规则，当前按本县考勤与报告设置或默认设置执行' }}
              data-testid="rules-history"
              columns={[
                { title: '施行年度', dataIndex: 'effectiveYear', width: 90, render: (y: number) => `${y}年起` },
                { title: '版本', dataIndex: 'version', width: 70, render: (n: number) => `第${n}版` },
                { title: '保存日期', dataIndex: 'createdAt', width: 130, render: (t: string) => dateLabel(t.slice(0, 10)) },
                { title: '操作员', dataIndex: 'operator', width: 110, render: (o: string | null) => o ?? '—' },
                { title: '说明', dataIndex: 'note', render: (n: string | null) => n ?? '—' },
              ]}
            />
          </div>
        )}
        {county && (
          <div style={{ maxWidth: 760 }}>
            <OrgSection county={county} readOnly={readOnly} onCountyAdded={setCountyId} />
          </div>
        )}
      </div>
    </>
  );
}
