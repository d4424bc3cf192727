/**
 * 考核评价: the year-end evaluation of one county and year — scheme, scoring, results,
 * outcomes and printing, one tab each. The year state (finalised or not) is read once here.
 */
import { LockOutlined } from '@ant-design/icons';
import { useShowsRecordsOf } from '../common/shownCounties';
import { Empty, Select, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { CountySelect } from '../common/CountySelect';
import { isId, isYear, recall, remember, useRemembered } from '../common/remembered';
import { useConfirmLeave } from '../common/useUnsavedGuard';
import { OutcomesTab } from './OutcomesTab';
import { PrintTab } from './PrintTab';
import { ResultsTab } from './ResultsTab';
import { SchemeTab } from './SchemeTab';
import { ScoreTab } from './ScoreTab';
import './evaluation.css';
import { yearOptions } from '../../../shared/dates';
import { thisYear, todayDate } from '../app/today';

type Tab = 'scheme' | 'scores' | 'results' | 'outcomes' | 'print';
const TABS: readonly Tab[] = ['scheme', 'scores', 'results', 'outcomes', 'print'];
const isTab = (v: unknown): v is Tab => TABS.includes(v as Tab);

/** Year-end work happens in the last months of the year or early the next. */
const defaultYear = () => {
  const d = todayDate();
  return d.getMonth() >= 8 ? d.getFullYear() : d.getFullYear() - 1;
};

export function EvaluationPage(props: { year?: number; cadreId?: number }) {
  return <EvaluationScreen key={`${props.year}|${props.cadreId}`} {...props} />;
}

function EvaluationScreen(props: { year?: number; cadreId?: number }) {
  const { org, navigate } = useAppState();
  const counties = org?.counties ?? [];
  // Coming back from another page returns to the county, year and tab the clerk left.
  const [countyId, setCountyId] = useRemembered('evaluation.county', isId);
  const county = counties.find((c) => c.id === countyId) ?? counties[0];
  useShowsRecordsOf({ counties: [county?.id] });
  const year = props.year ?? recall('evaluation.year', isYear) ?? defaultYear();
  const [tab, setTab] = useState<Tab>(props.cadreId ? 'print' : (recall('evaluation.tab', isTab) ?? 'scheme'));
  const confirmLeave = useConfirmLeave();
  useEffect(() => remember('evaluation.year', year), [year]);
  useEffect(() => remember('evaluation.tab', tab), [tab]);
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((v) => v + 1), []);
  const state = useCall('evaluation.results.state', county ? { countyId: county.id, year } : null, `${county?.id}|${year}|${version}`);
  const finalised = !!state.data?.finalised;

  if (org && !county) return <Empty style={{ marginTop: 80 }} description="还没有县（市、区）。请先导入花名册。" />;
  return (
    <>
      <div className="ob-page-title">
        <h2>考核评价</h2>
        <Select
          value={year}
          onChange={(y) => navigate({ kind: 'evaluation', year: y })}
          options={yearOptions(thisYear(), year)}
          style={{ width: 110 }}
          aria-label="考核年度"
          data-testid="eval-year"
        />
        <CountySelect counties={counties} value={county?.id} onChange={setCountyId} />
        {finalised ? (
          <Tag color="green" icon={<LockOutlined />} data-testid="eval-final-tag">
            已定稿
          </Tag>
        ) : (
          <Tag data-testid="eval-final-tag">未定稿</Tag>
        )}
        <SchemeHeading countyId={county?.id} year={year} version={version} />
      </div>
      <Tabs
        activeKey={tab}
        onChange={(k) => void confirmLeave().then((ok) => ok && setTab(k as Tab))}
        style={{ flex: 'none' }}
        tabBarStyle={{ marginBottom: 8 }}
        items={[
          { key: 'scheme', label: '方案' },
          { key: 'scores', label: '评分' },
          { key: 'results', label: '结果' },
          { key: 'outcomes', label: '表彰与提拔' },
          { key: 'print', label: '打印' },
        ]}
      />
      {county && (
        <div className="ob-eval-body">
          {tab === 'scheme' && (
            <SchemeTab
              countyId={county.id}
              year={year}
              finalised={finalised || county.readOnly}
              lockedNotice={county.readOnly ? '评审副本：考核方案由县委组织部制定，只读' : undefined}
              onChanged={bump}
            />
          )}
          {tab === 'scores' && <ScoreTab countyId={county.id} year={year} onSaved={bump} />}
          {tab === 'results' && <ResultsTab countyId={county.id} year={year} version={version} onChanged={bump} />}
          {tab === 'outcomes' && <OutcomesTab countyId={county.id} year={year} />}
          {tab === 'print' && <PrintTab countyId={county.id} year={year} initialCadreId={props.cadreId} />}
        </div>
      )}
    </>
  );
}

/** The scheme in use for the year, by its own name and parts (active first, else the newest draft). */
function SchemeHeading({ countyId, year, version }: { countyId?: number; year: number; version: number }) {
  const list = useCall('evaluation.schemes.list', countyId ? { countyId, year } : null, `${countyId}|${year}|${version}`);
  const current = list.data?.find((s) => s.status === 'active') ?? list.data?.find((s) => s.status === 'draft');
  const full = useCall('evaluation.schemes.get', current ? { id: current.id } : null, `${current?.id}|${version}`);
  if (!countyId || list.loading) return null;
  if (!current)
    return (
      <span className="ob-muted" data-testid="eval-scheme-heading">
        {year}年度尚未制定考核方案
      </span>
    );
  const parts = full.data?.id === current.id ? full.data.components.map((c) => `${c.label}${c.weight}%`).join('、') : '';
  return (
    <span className="ob-muted" data-testid="eval-scheme-heading">
      {current.name}（第{current.version}版{current.status === 'draft' ? '，草稿' : ''}）{parts ? `：${parts}` : ''}
    </span>
  );
}
