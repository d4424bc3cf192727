import { Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { OrgTree } from '../../../shared/domain';
import { useCall } from '../api/useCall';
import { townshipOptions } from './options';

/** The 乡镇 field both record forms start with. */
export function TownshipFormItem({ org }: { org: OrgTree | null }) {
  return (
    <Form.Item name="townshipId" label="乡镇" rules={[{ required: true, message: '请选择乡镇' }]} style={{ marginBottom: 10 }}>
      <Select options={townshipOptions(org, true)} placeholder="选择乡镇" showSearch={{ optionFilterProp: 'label' }} />
    </Form.Item>
  );
}

/**
 * The township's cadres serving on the form's date (with their year's absences), once both are
 * chosen; `record` excludes the record being edited from those counts.
 */
export function useCandidates(
  open: boolean,
  townshipId: number | undefined,
  date: unknown,
  record: { eventId?: number } | { checkId?: number },
) {
  const iso = dayjs.isDayjs(date) ? date.format('YYYY-MM-DD') : null;
  const input = open && townshipId && iso ? { townshipId, date: iso, ...record } : null;
  const cand = useCall('events.candidates', input, JSON.stringify(input));
  const rows = useMemo(() => cand.data?.cadres ?? [], [cand.data]);
  const emptyText = townshipId ? '该乡镇在这一天没有任职的选派干部' : '请先选择乡镇和日期';
  return { iso, rows, emptyText, loading: cand.loading, error: cand.error, thresholds: cand.data?.thresholds };
}
