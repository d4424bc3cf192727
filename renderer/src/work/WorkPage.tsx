import { Tabs } from 'antd';
import { useState } from 'react';
import { IncomeTab } from './IncomeTab';
import { PlansTab } from './PlansTab';
import { SchedulingTab } from './SchedulingTab';
import { ProjectsTab } from './ProjectsTab';
import { SupportTab } from './SupportTab';
import { WeakTab } from './WeakTab';

export type WorkTab = 'plans' | 'projects' | 'weak' | 'income' | 'support' | 'scheduling';

/** 项目与帮扶: plans, projects, weak villages, support — one tab each; alerts link straight in. */
type WorkProps = { tab?: WorkTab; cadreId?: number; projectId?: number; villageId?: number };

export function WorkPage(props: WorkProps) {
  // A new link (e.g. from an alert) starts the page afresh on the record it names.
  return <WorkScreen key={`${props.tab}|${props.cadreId}|${props.projectId}|${props.villageId}`} {...props} />;
}

function WorkScreen(props: WorkProps) {
  const [tab, setTab] = useState<WorkTab>(props.tab ?? 'projects');

  return (
    <>
      <div className="ob-page-title">
        <h2>项目与帮扶</h2>
        <span className="ob-muted">规划计划、乡村振兴项目、集体经济薄弱村、村集体经济、工作生活保障、季度调度</span>
      </div>
      {/* The tab bar only; the active tab fills the rest of the page (tables size to it). */}
      <Tabs
        activeKey={tab}
        onChange={(k) => setTab(k as WorkTab)}
        style={{ flex: 'none' }}
        tabBarStyle={{ marginBottom: 8 }}
        items={[
          { key: 'plans', label: '规划计划' },
          { key: 'projects', label: '项目' },
          { key: 'weak', label: '薄弱村' },
          { key: 'income', label: '村集体经济' },
          { key: 'support', label: '保障' },
          { key: 'scheduling', label: '季度调度' },
        ]}
      />
      <div style={{ flex: 1, minHeight: 0, display: 'flex' }}>
        {tab === 'plans' && <PlansTab cadreId={props.cadreId} />}
        {tab === 'projects' && <ProjectsTab cadreId={props.cadreId} projectId={props.projectId} />}
        {tab === 'weak' && <WeakTab villageId={props.villageId} cadreId={props.cadreId} />}
        {tab === 'income' && <IncomeTab villageId={props.villageId} />}
        {tab === 'support' && <SupportTab cadreId={props.cadreId} />}
        {tab === 'scheduling' && <SchedulingTab />}
      </div>
    </>
  );
}
