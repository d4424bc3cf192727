import { FolderOpenOutlined } from '@ant-design/icons';
import { Empty, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { placeLabel } from '../cadres/orgOptions';
import { cadreCountyId, useCadreReadOnly } from '../common/useReadOnly';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useDebounced } from '../util/useDebounced';
import { BagView } from './BagView';
import { BatchIntake } from './BatchIntake';
import { responsibleOf } from './intake';

/** 资料袋 from the navigation: pick a cadre (searchable), then their bag. */
export function BagPage({ cadreId }: { cadreId: number | null }) {
  const { navigate, dataVersion } = useAppState();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const list = useCall('cadres.list', q ? { query: q } : {}, `${q}|${dataVersion}`);
  const chosen = useCall('cadres.get', cadreId ? { id: cadreId } : null, `${cadreId}|${dataVersion}`);
  const readOnly = useCadreReadOnly(chosen.data);
  useShowsRecordsOf({ counties: [cadreCountyId(chosen.data)] });
  const options = useMemo(
    () =>
      (list.data ?? []).slice(0, 200).map((c) => ({
        value: c.id,
        label: `${c.name}　${c.postType}　${placeLabel(c.county, c.township, c.village)}`,
      })),
    [list.data],
  );

  return (
    <>
      <div className="ob-page-title">
        <h2>
          <FolderOpenOutlined /> 资料袋
        </h2>
        <Select
          showSearch={{ filterOption: false, onSearch: setSearch }}
          placeholder="输入姓名、拼音或身份证号，选择干部"
          style={{ width: 480 }}
          value={cadreId ?? undefined}
          options={options}
          loading={list.loading}
          onChange={(id: number) => navigate({ kind: 'bag', cadreId: id })}
          notFoundContent={list.loading ? <Spin size="small" /> : '没有找到干部'}
          data-testid="bag-cadre-picker"
        />
        <BatchIntake />
      </div>
      {cadreId && chosen.data ? (
        <BagView
          key={cadreId}
          cadreId={cadreId}
          cadreName={chosen.data.name}
          responsible={responsibleOf(chosen.data)}
          readOnly={readOnly}
        />
      ) : cadreId ? (
        <Spin style={{ marginTop: 60 }} />
      ) : (
        <Empty style={{ marginTop: 80 }} description="请先在上方选择一名干部，打开他（她）的资料袋" />
      )}
    </>
  );
}
