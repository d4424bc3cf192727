/** 表彰与提拔: commendations and promotions recorded per cadre; they feed the county figures. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { OUTCOME_KINDS, type Outcome, type OutcomeKind } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { useTableBodyHeight } from '../util/useTableBodyHeight';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { useConfirmRemove } from '../common/useConfirmRemove';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { dateLabel } from '../../../shared/dates';
import { SaveDialog } from '../common/SaveDialog';
import { useBusyAction } from '../common/useBusyAction';

interface Draft {
  id?: number;
  cadreId?: number;
  kind: OutcomeKind;
  date: Dayjs | null;
  note: string;
}

export function OutcomesTab({ countyId, year }: { countyId: number; year: number }) {
  const confirmRemove = useConfirmRemove();
  const { notifyError, success } = useNotify();
  const cadres = useCadres();
  const [tick, setTick] = useState(0);
  const list = useCall('evaluation.outcomes.list', { year, countyId }, `${year}|${countyId}|${tick}`);
  const [draft, setDraft] = useState<Draft | null>(null);
  const { busy, runBusy } = useBusyAction();
  const [boxRef, tableY] = useTableBodyHeight<HTMLDivElement>(44);
  const rows = list.data ?? [];
  const count = (k: OutcomeKind) => new Set(rows.filter((o) => o.kind === k).map((o) => o.cadreId)).size;

  const save = async () => {
    if (!draft) return;
    if (!draft.cadreId || !draft.date) return void notifyError(new Error('请选择干部和日期'), '未保存');
    const outcome = {
      ...(draft.id ? { id: draft.id } : {}),
      cadreId: draft.cadreId,
      year,
      kind: draft.kind,
      date: draft.date.format('YYYY-MM-DD'),
      note: draft.note,
    };
    await runBusy(async () => {
      await call('evaluation.outcomes.save', outcome);
      success('已保存');
      setDraft(null);
      setTick((t) => t + 1);
    }, '未保存');
  };

  const remove = (o: Outcome) =>
    confirmRemove({
      title: `删除${o.name}的“${o.kind}”记录？`,
      remove: () => call('evaluation.outcomes.remove', { id: o.id }),
      done: '已删除',
      failed: '未删除',
      onRemoved: () => setTick((t) => t + 1),
    });
  const columns: ExportColumn<Outcome>[] = [
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '乡镇', dataIndex: 'township', width: 110 },
    {
      title: '类别',
      dataIndex: 'kind',
      width: 100,
      render: (k: OutcomeKind) => <Tag color={k === '表彰' ? 'red' : 'blue'}>{k}</Tag>,
    },
    { title: '日期', dataIndex: 'date', width: 130, render: (d: string) => dateLabel(d) },
    { title: '说明', dataIndex: 'note' },
    {
      title: '',
      key: 'ops',
      noExport: true,
      width: 120,
      render: (_, o) => (
        <>
          <Button
            size="small"
            type="link"
            onClick={() => setDraft({ id: o.id, cadreId: o.cadreId, kind: o.kind, date: dayjs(o.date), note: o.note })}
          >
            修改
          </Button>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => void remove(o)} aria-label="删除" />
        </>
      ),
    },
  ];

  return (
    <div className="ob-eval-tab">
      <div className="ob-eval-toolbar">
        <span data-testid="outcome-counts">
          {year}年度：表彰 <strong>{count('表彰')}</strong> 人，提拔重用 <strong>{count('提拔重用')}</strong> 人
        </span>
        <div style={{ flex: 1 }} />
        <ExportExcelButton
          fileName={`${year}年度表彰与提拔.xlsx`}
          disabled={rows.length === 0}
          sheets={() => [sheetFromColumns(`${year}年度表彰与提拔`, columns, rows)]}
        />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setDraft({ kind: '表彰', date: dayjs(today()), note: '' })}>
          登记结果运用
        </Button>
      </div>
      <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
        <Table<Outcome>
          size="small"
          rowKey="id"
          loading={list.loading}
          dataSource={rows}
          pagination={false}
          scroll={{ y: tableY }}
          locale={{ emptyText: '本年度还没有登记表彰或提拔重用' }}
          columns={columns}
          data-testid="outcome-table"
        />
      </div>
      <SaveDialog
        open={!!draft}
        title={draft?.id ? '修改结果运用' : '登记结果运用'}
        okText="保存"
        saving={busy}
        onSave={save}
        onClose={() => setDraft(null)}
      >
        {draft && (
          <Form layout="vertical">
            <Form.Item label="干部" required>
              <CadreSelect value={draft.cadreId} onChange={(cadreId) => setDraft({ ...draft, cadreId })} cadres={cadres} width={360} />
            </Form.Item>
            <Form.Item label="类别" required>
              <Select
                value={draft.kind}
                onChange={(kind) => setDraft({ ...draft, kind })}
                options={OUTCOME_KINDS.map((k) => ({ value: k, label: k }))}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item label="日期" required>
              <DatePicker value={draft.date} onChange={(date) => setDraft({ ...draft, date })} allowClear={false} />
            </Form.Item>
            <Form.Item label="说明">
              <Input.TextArea
                value={draft.note}
                onChange={(e) => setDraft({ ...draft, note: e.target.value })}
                rows={3}
                maxLength={500}
                placeholder="如：被评为市级优秀第一书记；提拔为乡镇党委副书记"
              />
            </Form.Item>
          </Form>
        )}
      </SaveDialog>
    </div>
  );
}
