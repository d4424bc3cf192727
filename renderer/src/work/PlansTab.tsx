import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Select, Space } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useState } from 'react';
import { PLAN_KINDS, type PlanKind } from '../../../shared/work';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { ReadOnlyHint, useReadOnlyIndex } from '../common/useReadOnly';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { thisYear, yearOptions } from './common';
import { PlanCard } from './PlanCard';

/** 规划计划: per cadre, the three-year plan and annual plans as editable item tables. */
export function PlansTab({ cadreId: initial }: { cadreId?: number }) {
  const { dataVersion } = useAppState();
  const { notifyError } = useNotify();
  const cadres = useCadres();
  const [cadreId, setCadreId] = useState<number | undefined>(initial);
  const [kind, setKind] = useState<PlanKind>('年度计划');
  const [startYear, setStartYear] = useState(thisYear());
  const plans = useCall('work.plans.list', cadreId ? { cadreId } : null, `${cadreId}|${dataVersion}`);
  const bag = useCall('bag.list', cadreId ? { cadreId } : null, `${cadreId}|${dataVersion}`);
  const cadre = cadres.find((c) => c.id === cadreId);
  const readOnly = useReadOnlyIndex().cadreRow(cadre);
  useShowsRecordsOf({ countyNames: [cadre?.county] });

  const create = async () => {
    if (!cadreId || !cadre) return;
    const title =
      kind === '三年规划' ? `${cadre.name}${startYear}—${startYear + 2}年三年工作规划` : `${cadre.name}${startYear}年度工作计划`;
    try {
      await call('work.plans.save', { cadreId, kind, startYear, title, materialId: null, items: [] });
      plans.reload();
    } catch (err) {
      notifyError(err, '未新建');
    }
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', width: '100%' }}>
      <Space wrap style={{ marginBottom: 8 }}>
        <CadreSelect cadres={cadres} value={cadreId} onChange={setCadreId} testId="plan-cadre" />
        {cadreId && (
          <>
            <Select value={kind} onChange={setKind} options={PLAN_KINDS.map((k) => ({ value: k, label: k }))} style={{ width: 110 }} />
            <Select value={startYear} onChange={setStartYear} options={yearOptions()} style={{ width: 110 }} aria-label="年度" />
            <ReadOnlyHint readOnly={readOnly}>
              <Button icon={<PlusOutlined />} onClick={() => void create()} data-testid="plan-new">
                新建
              </Button>
            </ReadOnlyHint>
          </>
        )}
      </Space>
      {plans.error && <Alert type="error" showIcon title={plans.error} style={{ marginBottom: 8 }} />}
      <div className="ob-scroll-pane">
        {!cadreId ? (
          <Empty style={{ marginTop: 60 }} description="选择一名干部，查看和编辑其三年工作规划和年度工作计划" />
        ) : (plans.data ?? []).length === 0 && !plans.loading ? (
          <Empty
            style={{ marginTop: 60 }}
            description={`${cadre?.name ?? ''}还没有规划计划。选择类型和年度后点击“新建”，逐条填写目标、措施、时间节点和责任人。`}
          />
        ) : (
          (plans.data ?? []).map((p) => (
            <PlanCard key={p.id} plan={p} materials={bag.data ?? []} onSaved={plans.reload} onRemoved={plans.reload} readOnly={readOnly} />
          ))
        )}
      </div>
    </div>
  );
}
