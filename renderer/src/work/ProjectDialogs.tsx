/** 公示 (date and place) and a park project's revenue with the 飞地 split. */
import { Alert, Button, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { DEFAULT_PARK_SHARE_BP, splitRevenue, yuan, type Project } from '../../../shared/work';
import { call } from '../api/client';
import { Money, MoneyInput, thisYear, yearOptions } from './common';
import { useDialogSave } from '../common/useDialogSave';
import { SaveDialog } from '../common/SaveDialog';

export function PubliciseDialog({
  project,
  onClose,
  onSaved,
}: { project: Project | null; onClose: () => void; onSaved: (p: Project) => void }) {
  const [date, setDate] = useState<Dayjs | null>(dayjs(today()));
  const [place, setPlace] = useState('');
  const { saving, error, setError, runSave } = useDialogSave();
  useEffect(() => {
    if (!project) return;
    setDate(project.publicisedOn ? dayjs(project.publicisedOn) : dayjs(today()));
    setPlace(project.publicisedPlace ?? `${project.village}村务公开栏`);
    setError(null);
  }, [project, setError]);

  const submit = async () => {
    if (!project) return;
    if (!date) return setError('请选择公示日期');
    await runSave(async () => {
      onSaved(await call('work.projects.publicise', { id: project.id, date: date.format('YYYY-MM-DD'), place }));
    });
  };

  return (
    <SaveDialog
      title={`公示 — ${project?.name ?? ''}`}
      open={project !== null}
      onClose={onClose}
      onSave={submit}
      okText="登记公示"
      saving={saving}
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        项目应在村公示栏公示，接受党员群众监督。登记公示的日期和地点。
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="publicise-error" />}
      <Form layout="vertical">
        <Form.Item label="公示日期" required>
          <DatePicker
            value={date}
            onChange={setDate}
            style={{ width: 200 }}
            disabledDate={(d) => d.isAfter(dayjs(today()), 'day')}
            data-testid="publicise-date"
          />
        </Form.Item>
        <Form.Item label="公示地点" required style={{ marginBottom: 0 }}>
          <Input value={place} onChange={(e) => setPlace(e.target.value)} maxLength={100} data-testid="publicise-place" />
        </Form.Item>
      </Form>
    </SaveDialog>
  );
}

export function RevenueDialog({
  project,
  onClose,
  onSaved,
}: { project: Project | null; onClose: () => void; onSaved: (p: Project) => void }) {
  const [year, setYear] = useState(thisYear());
  const [revenue, setRevenue] = useState<number | null>(null);
  const [sharePct, setSharePct] = useState<number>(DEFAULT_PARK_SHARE_BP / 100);
  const { saving, error, setError, runSave } = useDialogSave();
  useEffect(() => {
    setError(null);
    setRevenue(null);
    setSharePct(DEFAULT_PARK_SHARE_BP / 100);
  }, [project, setError]);
  const bp = Math.round(sharePct * 100);
  const preview = revenue === null ? null : splitRevenue(revenue, bp);

  const save = async (revenueFen: number | null, y = year, shareBp = bp) => {
    if (!project) return;
    await runSave(async () => {
      onSaved(await call('work.projects.setRevenue', { id: project.id, year: y, revenueFen, parkShareBp: shareBp }));
      setError(null);
    });
  };

  return (
    <Modal
      title={`产业园收益 — ${project?.name ?? ''}`}
      open={project !== null}
      onCancel={onClose}
      footer={<Button onClick={onClose}>关闭</Button>}
      width={680}
      destroyOnHidden
    >
      <p className="ob-muted" style={{ marginTop: 0 }}>
        落户“第一书记产业园”的项目，收益按“飞地”政策由园区和选派干部所在村分配，默认各一半，可按当地约定调整。
      </p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select value={year} onChange={setYear} options={yearOptions()} style={{ width: 110 }} />
        <MoneyInput value={revenue} onChange={setRevenue} placeholder="年度收益" width={170} testId="revenue-amount" />
        <span>园区分得</span>
        <InputNumber<number>
          value={sharePct}
          onChange={(v) => setSharePct(v ?? 0)}
          min={0}
          max={100}
          precision={2}
          suffix="%"
          style={{ width: 110 }}
        />
        <Button type="primary" loading={saving} disabled={revenue === null} onClick={() => void save(revenue)}>
          保存
        </Button>
      </Space>
      {preview && (
        <div className="ob-muted" style={{ marginBottom: 12 }}>
          园区 {yuan(preview.parkFen)} 元，{project?.village ?? '所在村'} {yuan(preview.villageFen)} 元
        </div>
      )}
      <Table
        size="small"
        rowKey="year"
        pagination={false}
        dataSource={project?.revenue ?? []}
        locale={{ emptyText: '尚未登记收益' }}
        columns={[
          { title: '年度', dataIndex: 'year', width: 70 },
          { title: '收益（元）', dataIndex: 'revenueFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          { title: '园区比例', dataIndex: 'parkShareBp', align: 'right', width: 90, render: (v: number) => `${v / 100}%` },
          { title: '园区（元）', dataIndex: 'parkFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          { title: '所在村（元）', dataIndex: 'villageFen', align: 'right', render: (v: number) => <Money fen={v} /> },
          {
            title: '',
            key: 'x',
            width: 60,
            render: (_: unknown, r) => (
              <Button size="small" type="link" danger onClick={() => void save(null, r.year, r.parkShareBp)}>
                删除
              </Button>
            ),
          },
        ]}
      />
    </Modal>
  );
}
