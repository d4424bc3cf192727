import { FormOutlined, ImportOutlined } from '@ant-design/icons';
import { Button, Empty, Input, Select, Spin, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { placeLabel } from '../cadres/orgOptions';
import { cadreCountyId, ReadOnlyHint, useCadreReadOnly } from '../common/useReadOnly';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useDebounced } from '../util/useDebounced';
import { ImportDialog } from './ImportDialog';
import { LogTable } from './LogTable';
import { blankRow, fromEntry, type DraftRow } from './logRows';
import { ReportsTab } from './ReportsTab';
import { SearchResults } from './SearchResults';
import { yearOptions } from '../../../shared/dates';
import { thisYear } from '../app/today';

/** 工作记录: a cadre's work log for a year (keyboard entry, paste, import) and their reports. */
export function WorklogPage({ cadreId, tab }: { cadreId?: number; tab?: 'log' | 'reports' }) {
  const { navigate, dataVersion } = useAppState();
  const [pickerSearch, setPickerSearch] = useState('');
  const pq = useDebounced(pickerSearch.trim(), 250);
  const cadres = useCall('cadres.list', pq ? { query: pq } : {}, `${pq}|${dataVersion}`);
  const chosen = useCall('cadres.get', cadreId ? { id: cadreId } : null, `${cadreId}|${dataVersion}`);
  const [year, setYear] = useState(thisYear);
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const [importing, setImporting] = useState(false);
  const entries = useCall('worklog.list', cadreId ? { cadreId, year } : null, `${cadreId}|${year}|${dataVersion}`);
  const [rows, setRows] = useState<DraftRow[]>([blankRow()]);
  // Fresh entries from main replace the table (drafts are saved or deliberately dropped by then).
  const [shown, setShown] = useState<unknown>(null);
  if (entries.data && shown !== entries.data) {
    setShown(entries.data);
    setRows([...entries.data.map(fromEntry), blankRow()]);
  }

  const options = useMemo(
    () =>
      (cadres.data ?? [])
        .slice(0, 200)
        .map((c) => ({ value: c.id, label: `${c.name}　${c.postType}　${placeLabel(c.county, c.township, c.village)}` })),
    [cadres.data],
  );
  const name = chosen.data?.name ?? '';
  const readOnly = useCadreReadOnly(chosen.data);
  useShowsRecordsOf({ counties: [cadreCountyId(chosen.data)] });

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <div className="ob-page-title">
        <h2>
          <FormOutlined /> 工作记录
        </h2>
        <Select
          showSearch={{ filterOption: false, onSearch: setPickerSearch }}
          placeholder="输入姓名或拼音，选择干部"
          style={{ width: 400 }}
          value={cadreId}
          options={options}
          loading={cadres.loading}
          onChange={(id: number) => navigate({ kind: 'worklog', cadreId: id, tab: tab ?? 'log' })}
          notFoundContent={cadres.loading ? <Spin size="small" /> : '没有找到干部'}
          data-testid="worklog-cadre-picker"
        />
        <Select value={year} onChange={setYear} style={{ width: 110 }} options={yearOptions(thisYear(), year)} data-testid="worklog-year" />
        <Input.Search
          allowClear
          placeholder="搜索全部日志，如：低保、灌溉"
          style={{ width: 260 }}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          data-testid="worklog-search"
        />
      </div>
      {q ? (
        <SearchResults q={q} />
      ) : !cadreId ? (
        <Empty style={{ marginTop: 80 }} description="请先在上方选择一名干部，记录或查看他（她）的工作日志和报告" />
      ) : !chosen.data ? (
        <Spin style={{ marginTop: 60 }} />
      ) : (
        <Tabs
          className="ob-fill"
          activeKey={tab ?? 'log'}
          onChange={(k) => navigate({ kind: 'worklog', cadreId, tab: k as 'log' | 'reports' })}
          tabBarExtraContent={
            (tab ?? 'log') === 'log' ? (
              <ReadOnlyHint readOnly={readOnly}>
                <Button icon={<ImportOutlined />} onClick={() => setImporting(true)} data-testid="worklog-import">
                  导入日志文件
                </Button>
              </ReadOnlyHint>
            ) : null
          }
          items={[
            {
              key: 'log',
              label: `工作日志（${year}年）`,
              children: (
                <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100vh - 210px)', minHeight: 280 }}>
                  {entries.loading && !entries.data ? <Spin /> : null}
                  <LogTable
                    key={`${cadreId}|${year}`}
                    cadreId={cadreId}
                    cadreName={name}
                    year={year}
                    rows={rows}
                    setRows={setRows}
                    onSaved={entries.reload}
                    readOnly={readOnly}
                  />
                </div>
              ),
            },
            {
              key: 'reports',
              label: '季度报告与半年总结',
              children: <ReportsTab cadreId={cadreId} cadreName={name} year={year} readOnly={readOnly} />,
            },
          ]}
        />
      )}
      {cadreId && chosen.data ? (
        <ImportDialog
          open={importing && !readOnly}
          cadreId={cadreId}
          cadreName={name}
          year={year}
          onClose={() => setImporting(false)}
          onImported={() => {
            setImporting(false);
            entries.reload();
          }}
        />
      ) : null}
    </div>
  );
}
