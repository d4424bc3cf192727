/**
 * The county's figures (统计): the year's figures as cards, charts, and per-township rows
 * that add up to the total. Every number opens the records behind it (DrillDrawer). With
 * several counties (a city department holding imported counties) the page opens on 全市:
 * a row per county and their sum; a county's name opens that county's own view.
 */
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useShowsRecordsOf } from '../common/shownCounties';
import { Alert, Button, Select, Spin } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import type { CityStatsResult, FigureKey, StatsResult } from '../../../shared/stats';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { isId, isYear, recall, remember, useRemembered } from '../common/remembered';
import { CountyTable, countyColumns } from './CountyTable';
import { DrillDrawer, type DrillTarget } from './DrillDrawer';
import { FigureCards } from './FigureCards';
import { LeadersSection, leadersSheet } from './LeadersSection';
import { StatsCharts } from './StatsCharts';
import { statsSheet, TownshipTable, townshipColumns } from './TownshipTable';
import './stats.css';
import { dateLabel, yearOptions } from '../../../shared/dates';
import { thisYear } from '../app/today';
import { AllOrOneSelect } from '../common/AllOrOneSelect';

export function StatsPage(props: { year?: number }) {
  const { org, dataVersion, navigate } = useAppState();
  const current = thisYear();
  // Coming back from another page returns to the year and county the clerk left.
  const year = props.year ?? recall('stats.year', isYear) ?? current;
  const counties = org?.counties ?? [];
  const [picked, setCountyId] = useRemembered('stats.county', isId);
  useEffect(() => remember('stats.year', year), [year]);
  // A remembered county that is no longer here (a review copy removed) is forgotten.
  const countyId = org && !counties.some((c) => c.id === picked) ? undefined : picked;
  // One county: it is the scope; several: 全市 unless one is picked.
  const scopeCounty = countyId ?? (counties.length === 1 ? counties[0]!.id : undefined);
  const city = counties.length > 1 && scopeCounty === undefined;
  const input = useMemo(() => ({ year, ...(scopeCounty ? { countyId: scopeCounty } : {}) }), [year, scopeCounty]);
  const county = useCall('stats.compute', city ? null : input, `${JSON.stringify(input)}|${city}|${dataVersion}`);
  const cityRes = useCall('stats.city', city ? { year } : null, `${year}|${city}|${dataVersion}`);
  const res = city ? cityRes : county;
  // The city view shows every county; a county's view only that one.
  useShowsRecordsOf({ counties: city ? counties.map((c) => c.id) : [scopeCounty] });
  const [drill, setDrill] = useState<DrillTarget | null>(null);
  const [refreshed, setRefreshed] = useState(0);
  const s: StatsResult | undefined =
    res.data?.year === year && (city ? 'counties' in res.data : res.data.countyId === (scopeCounty ?? null)) ? res.data : undefined;

  const open = (figure: FigureKey, townshipId?: number) => setDrill({ figure, ...(townshipId ? { townshipId } : {}) });
  const scopeText = !s
    ? ' '
    : city
      ? `全市 ${(s as CityStatsResult).counties.length} 个县（市、区） · 截至${dateLabel(s.asOf)} · 点击县名进入该县；全市合计为各县之和`
      : `${s.countyName === '全部' ? '全部县（市、区）' : s.countyName} · 截至${dateLabel(s.asOf)} · 点击任一数字查看明细；各乡镇之和即合计`;

  return (
    <>
      <div className="ob-page-title">
        <h2>统计</h2>
        <Select
          value={year}
          onChange={(y) => navigate({ kind: 'stats', year: y })}
          options={yearOptions(current, year)}
          style={{ width: 110 }}
          aria-label="年度"
          data-testid="stats-year"
        />
        {counties.length > 1 && (
          <>
            <AllOrOneSelect
              value={countyId}
              onChange={setCountyId}
              allLabel="全市（各县汇总）"
              options={counties.map((c) => ({ value: c.id, label: c.name }))}
              style={{ width: 170 }}
              aria-label="县（市、区）"
              data-testid="stats-county"
            />
            {countyId !== undefined && (
              <Button icon={<ArrowLeftOutlined />} onClick={() => setCountyId(undefined)} data-testid="back-to-city">
                返回全市
              </Button>
            )}
          </>
        )}
        <span className="ob-muted">{scopeText}</span>
        <div style={{ flex: 1 }} />
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            res.reload();
            setRefreshed((n) => n + 1);
          }}
          title="刷新"
          loading={res.loading}
        />
        <ExportExcelButton
          fileName={`${year}年度统计.xlsx`}
          disabled={!s}
          sheets={async () =>
            !s
              ? []
              : city
                ? [
                    statsSheet(
                      `${year}年度分县统计`,
                      countyColumns(
                        () => undefined,
                        () => undefined,
                      ),
                      (s as CityStatsResult).counties,
                      '全市合计',
                      s.county,
                    ),
                    leadersSheet(await call('leaders.year', { year })),
                  ]
                : [
                    statsSheet(
                      `${year}年度分乡镇统计`,
                      townshipColumns(s, () => undefined),
                      s.townships,
                      '合计',
                      s.county,
                    ),
                  ]
          }
        />
      </div>
      {res.error && <Alert type="error" showIcon title={res.error} style={{ marginBottom: 10 }} />}
      <div className="ob-scroll" data-testid="stats-page">
        {!s ? (
          <Spin style={{ display: 'block', marginTop: 80 }} />
        ) : (
          <>
            <FigureCards stats={s} onOpen={(k) => open(k)} />
            <StatsCharts stats={s} onOpen={setDrill} />
            {city ? (
              <>
                <div className="ob-stats-section">分县（市、区）统计</div>
                <CountyTable
                  stats={s as CityStatsResult}
                  onCounty={setCountyId}
                  onOpen={(figure, c) => setDrill({ figure, ...(c ? { countyId: c } : {}) })}
                />
                <LeadersSection year={year} refreshed={refreshed} />
              </>
            ) : (
              <>
                <div className="ob-stats-section">分乡镇统计</div>
                <TownshipTable stats={s} onOpen={open} />
              </>
            )}
          </>
        )}
      </div>
      <DrillDrawer year={year} countyId={scopeCounty} target={drill} onClose={() => setDrill(null)} />
    </>
  );
}
