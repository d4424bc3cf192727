/** The charts a clerk would rather look at: projects by kind, funds by source, compliance by month. Clicking a bar, slice or month opens its records. */
import { Empty } from 'antd';
import { useMemo } from 'react';
import { wan, type StatsResult } from '../../../shared/stats';
import type { DrillTarget } from './DrillDrawer';
import { EChart, type ChartClick, type ChartOption } from './EChart';

const NAVY = '#1d4f91';
const PALETTE = ['#1d4f91', '#8c1d18', '#d48806', '#389e0d', '#531dab', '#08979c'];
const H = 210;

/** One titled chart; without an option it says why (`empty`) instead of drawing an empty axis. */
function ChartPanel({
  title,
  testId,
  option,
  label,
  onClick,
  empty,
}: {
  title: string;
  testId: string;
  option: ChartOption | null;
  /** The canvas's accessible name. */
  label: string;
  onClick: (c: ChartClick) => void;
  empty: string;
}) {
  return (
    <div className="ob-stats-chart" data-testid={testId}>
      <div className="ob-stats-chart-title">{title}</div>
      {option ? (
        <EChart option={option} height={H} testId={`${testId}-canvas`} label={label} onClick={onClick} />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} style={{ height: H, margin: 0, paddingTop: 50 }} />
      )}
    </div>
  );
}

export function StatsCharts({ stats, onOpen }: { stats: StatsResult; onOpen: (t: DrillTarget) => void }) {
  const { projectsByKind, fundingBySource, attendanceByMonth } = stats.charts;

  const kindOption = useMemo<ChartOption | null>(
    () =>
      projectsByKind && projectsByKind.length
        ? {
            color: [NAVY],
            grid: { left: 36, right: 12, top: 16, bottom: 28 },
            tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
            xAxis: { type: 'category', data: projectsByKind.map((k) => k.kind), axisLabel: { interval: 0, fontSize: 11 } },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                type: 'bar',
                name: '项目数',
                data: projectsByKind.map((k) => k.count),
                barMaxWidth: 36,
                label: { show: true, position: 'top' },
              },
            ],
          }
        : null,
    [projectsByKind],
  );

  const fundOption = useMemo<ChartOption | null>(
    () =>
      fundingBySource && fundingBySource.length
        ? {
            color: PALETTE,
            tooltip: {
              trigger: 'item',
              formatter: (p: { name: string; value: number; percent: number }) => `${p.name}<br/>${wan(p.value)} 万元（${p.percent}%）`,
            },
            legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', textStyle: { fontSize: 11 } },
            series: [
              {
                type: 'pie',
                name: '资金来源',
                radius: ['38%', '70%'],
                center: ['34%', '50%'],
                label: { show: false },
                data: fundingBySource.map((f) => ({ name: f.source, value: f.fen })),
              },
            ],
          }
        : null,
    [fundingBySource],
  );

  const monthOption = useMemo<ChartOption | null>(
    () =>
      attendanceByMonth.length
        ? {
            color: [NAVY],
            grid: { left: 44, right: 12, top: 16, bottom: 28 },
            tooltip: {
              trigger: 'axis',
              formatter: (ps: Array<{ dataIndex: number }>) => {
                const m = attendanceByMonth[ps[0]!.dataIndex]!;
                return `${Number(m.month.slice(5))}月：达标 ${m.met} / 在任 ${m.posted} 人月`;
              },
            },
            xAxis: { type: 'category', data: attendanceByMonth.map((m) => `${Number(m.month.slice(5))}月`), axisLabel: { fontSize: 11 } },
            yAxis: {
              type: 'value',
              max: 100,
              min: (v: { min: number }) => Math.max(0, Math.floor(v.min / 10) * 10 - 10),
              axisLabel: { formatter: '{value}%' },
            },
            series: [
              {
                type: 'bar',
                name: '达标率',
                barMaxWidth: 22,
                data: attendanceByMonth.map((m) => (m.posted ? Math.round((m.met * 1000) / m.posted) / 10 : null)),
                itemStyle: { color: (p: { value: number }) => (p.value < 100 ? '#d48806' : NAVY) },
              },
            ],
          }
        : null,
    [attendanceByMonth],
  );

  return (
    <div className="ob-stats-charts">
      <ChartPanel
        title="项目按类型（个）"
        testId="chart-kinds"
        option={kindOption}
        label="项目按类型柱状图"
        onClick={(c) => onOpen({ figure: 'projects', kind: c.name })}
        empty={projectsByKind === null ? (stats.notes.projects ?? '暂无数据') : '本年度尚无项目'}
      />
      <ChartPanel
        title="项目资金来源（万元）"
        testId="chart-funds"
        option={fundOption}
        label="项目资金来源饼图"
        onClick={(c) => onOpen({ figure: 'projectFunds', source: c.name })}
        empty={fundingBySource === null ? (stats.notes.projectFunds ?? '暂无数据') : '本年度尚无登记资金'}
      />
      <ChartPanel
        title="月在岗达标率（%）"
        testId="chart-months"
        option={monthOption}
        label="各月在岗达标率柱状图"
        onClick={(c) => onOpen({ figure: 'attendance', month: attendanceByMonth[c.dataIndex]!.month })}
        empty={stats.notes.attendance ?? '尚无已结束的月份'}
      />
    </div>
  );
}
