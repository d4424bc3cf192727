/** The county's programme settings: the 选派 start year (cumulative figures) and holding allowance for 调度. */
import { SettingOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';

export function ProgrammeSettings({ countyId }: { countyId: number }) {
  const { dataVersion, refresh } = useAppState();
  const current = useCall('villages.programme.get', { countyId }, `${countyId}|${dataVersion}`);
  const [open, setOpen] = useState(false);
  const [startYear, setStartYear] = useState<number | null>(null);
  const [hold, setHold] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const show = () => {
    setStartYear(current.data?.startYear ?? null);
    setHold(current.data?.holdAllowance ?? false);
    setError(null);
    setOpen(true);
  };
  const save = async () => {
    try {
      await call('villages.programme.save', { countyId, startYear, holdAllowance: hold });
      setOpen(false);
      void refresh();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const label = current.data ? (current.data.startYear ? `选派工作自${current.data.startYear}年开始` : '未设置选派工作开始年度') : '';
  return (
    <>
      <Button icon={<SettingOutlined />} onClick={show} data-testid="programme-settings">
        {label || '选派工作设置'}
      </Button>
      <Modal title="本县选派工作设置" open={open} onCancel={() => setOpen(false)} onOk={() => void save()} okText="保存" destroyOnHidden>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form layout="vertical">
          <Form.Item label="选派工作开始年度（统计中的累计表彰、累计提拔重用自该年度起计）">
            <InputNumber<number>
              value={startYear}
              onChange={(v) => setStartYear(v)}
              min={2000}
              max={2100}
              precision={0}
              placeholder="未设置"
              data-testid="programme-start-year"
            />
          </Form.Item>
          <Form.Item style={{ marginBottom: 0 }}>
            <Checkbox checked={hold} onChange={(e) => setHold(e.target.checked)}>
              市级选派干部的季度补助，待该季度调度会登记其工作进展后再发放
            </Checkbox>
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
