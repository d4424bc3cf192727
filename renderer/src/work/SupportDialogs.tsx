/** Payment entry, insurance policy and the dispatching unit's pledge for one cadre. */
import { Alert, Button, Form, Input, Select, Table } from 'antd';
import { DatePicker } from '../common/DatePicker';
import { today } from '../app/today';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { SupportRow } from '../../../shared/api/work';
import { yuan } from '../../../shared/work';
import { DEFAULT_INSURANCE_COVER_FEN } from '../../../shared/support';
import { dateLabel } from '../../../shared/dates';
import { call } from '../api/client';
import { useConfirmRemove } from '../common/useConfirmRemove';
import { MoneyInput } from './common';
import { SaveDialog } from '../common/SaveDialog';
import { useDialogSave } from '../common/useDialogSave';

type Kind = 'payment' | 'policy' | 'pledge';
export interface SupportTarget {
  kind: Kind;
  row: SupportRow;
}

const TITLES: Record<Kind, string> = { payment: '登记补助发放', policy: '登记意外伤害保险', pledge: '派出单位“三个捆绑”' };

export function SupportDialog({
  target,
  year,
  onClose,
  onSaved,
  onRemoved,
}: {
  target: SupportTarget | null;
  year: number;
  onClose: () => void;
  onSaved: (text: string) => void;
  /** A payment or policy was deleted (the dialog's row is then out of date). */
  onRemoved: () => void;
}) {
  const confirmRemove = useConfirmRemove();
  const [quarter, setQuarter] = useState(1);
  const [amount, setAmount] = useState<number | null>(null);
  const [date, setDate] = useState<Dayjs | null>(dayjs(today()));
  const [insurer, setInsurer] = useState('');
  const [policyNo, setPolicyNo] = useState('');
  const [cover, setCover] = useState<number | null>(DEFAULT_INSURANCE_COVER_FEN);
  const [range, setRange] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const [resp, setResp] = useState('');
  const [projects, setProjects] = useState('');
  const [funds, setFunds] = useState<number | null>(0);
  const { saving, error, setError, runSave } = useDialogSave();

  useEffect(() => {
    if (!target) return;
    setError(null);
    const r = target.row;
    const firstBehind = r.quarters.find((q) => q.ended && q.paidFen < q.owedFen) ?? r.quarters.find((q) => q.paidFen < q.owedFen);
    setQuarter(firstBehind?.quarter ?? 1);
    setAmount(firstBehind ? firstBehind.owedFen - firstBehind.paidFen : null);
    setDate(dayjs(today()));
    const gap = r.uncovered[0];
    setInsurer('');
    setPolicyNo('');
    setCover(DEFAULT_INSURANCE_COVER_FEN);
    setRange(gap ? [dayjs(gap.from), dayjs(gap.from).add(1, 'year').subtract(1, 'day')] : null);
    setResp(r.pledge?.responsibility ?? '');
    setProjects(r.pledge?.projects ?? '');
    setFunds(r.pledge?.fundsFen ?? 0);
  }, [target, setError]);

  const onQuarter = (q: number) => {
    setQuarter(q);
    const x = target?.row.quarters[q - 1];
    if (x) setAmount(Math.max(0, x.owedFen - x.paidFen));
  };

  const submit = async () => {
    if (!target) return;
    const cadreId = target.row.cadreId;
    const save = (send: () => Promise<unknown>, done: string) =>
      runSave(async () => {
        await send();
        onSaved(done);
      });
    if (target.kind === 'payment') {
      if (!date) return setError('请选择发放日期');
      const paidOn = date.format('YYYY-MM-DD');
      return save(() => call('work.support.addPayment', { cadreId, year, quarter, amountFen: amount ?? 0, paidOn }), '发放已登记');
    }
    if (target.kind === 'policy') {
      const [from, to] = range ?? [null, null];
      if (!from || !to) return setError('请选择保险起止日期');
      const policy = {
        cadreId,
        insurer,
        policyNo: policyNo || null,
        coverFen: cover ?? 0,
        start: from.format('YYYY-MM-DD'),
        end: to.format('YYYY-MM-DD'),
      };
      return save(() => call('work.support.savePolicy', policy), '保单已登记');
    }
    return save(() => call('work.support.savePledge', { cadreId, year, responsibility: resp, projects, fundsFen: funds ?? 0 }), '已保存');
  };

  const row = target?.row;
  const removePayment = (p: SupportRow['payments'][number]) =>
    confirmRemove({
      title: `删除${row?.name ?? ''}${p.year}年第${p.quarter}季度的补助发放记录（${yuan(p.amountFen)}元，${dateLabel(p.paidOn)}发放）？`,
      content: '仅用于纠正误登记；删除后该季度的已发金额相应减少。',
      remove: () => call('work.support.removePayment', { id: p.id }),
      done: '发放记录已删除',
      failed: '发放记录未删除',
      onRemoved,
    });
  const removePolicy = (p: SupportRow['policies'][number]) =>
    confirmRemove({
      title: `删除${row?.name ?? ''}的保单“${p.insurer}${p.policyNo ? ` ${p.policyNo}` : ''}”（${dateLabel(p.start)}至${dateLabel(p.end)}）？`,
      content: '仅用于纠正误登记；删除后这段时间按未参保计算。',
      remove: () => call('work.support.removePolicy', { id: p.id }),
      done: '保单已删除',
      failed: '保单未删除',
      onRemoved,
    });
  return (
    <SaveDialog
      title={`${target ? TITLES[target.kind] : ''} — ${row?.name ?? ''}`}
      open={target !== null}
      onClose={onClose}
      onSave={submit}
      okText="保存"
      saving={saving}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="support-error" />}
      {target?.kind === 'payment' && row && (
        <Form layout="vertical">
          {row.payments.length > 0 && (
            <Form.Item label={`${year}年已登记的发放`}>
              <RemovableList
                rows={row.payments}
                testId="payment-list"
                describe={(p) => `第${p.quarter}季度 ${yuan(p.amountFen)} 元，${dateLabel(p.paidOn)}发放`}
                onRemove={removePayment}
              />
            </Form.Item>
          )}
          <Form.Item label={`${year}年季度`}>
            <Select
              value={quarter}
              onChange={onQuarter}
              style={{ width: 320 }}
              options={row.quarters.map((q) => ({
                value: q.quarter,
                label: `第${q.quarter}季度（应发 ${yuan(q.owedFen)}，已发 ${yuan(q.paidFen)}）`,
              }))}
            />
          </Form.Item>
          <Form.Item label="本次发放金额">
            <MoneyInput value={amount} onChange={setAmount} testId="payment-amount" />
          </Form.Item>
          <Form.Item label="发放日期" style={{ marginBottom: 0 }}>
            <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(today()), 'day')} />
          </Form.Item>
        </Form>
      )}
      {target?.kind === 'policy' && row && (
        <Form layout="vertical">
          {row.policies.length > 0 && (
            <Form.Item label="已有保单">
              <RemovableList
                rows={row.policies}
                testId="policy-list"
                describe={(p) =>
                  `${p.insurer}${p.policyNo ? ` ${p.policyNo}` : ''}，${yuan(p.coverFen)} 元，${dateLabel(p.start)}至${dateLabel(p.end)}`
                }
                onRemove={removePolicy}
              />
            </Form.Item>
          )}
          <Form.Item label="承保公司" required>
            <Input
              value={insurer}
              onChange={(e) => setInsurer(e.target.value)}
              maxLength={100}
              placeholder="如：中国人民财产保险股份有限公司"
            />
          </Form.Item>
          <Form.Item label="保单号">
            <Input value={policyNo} onChange={(e) => setPolicyNo(e.target.value)} maxLength={60} />
          </Form.Item>
          <Form.Item label="保险金额">
            <MoneyInput value={cover} onChange={setCover} width={200} />
          </Form.Item>
          <Form.Item label="保险期间" required style={{ marginBottom: 0 }}>
            <DatePicker.RangePicker value={range} onChange={(v) => setRange(v as [Dayjs | null, Dayjs | null] | null)} />
          </Form.Item>
        </Form>
      )}
      {target?.kind === 'pledge' && (
        <Form layout="vertical">
          <p className="ob-muted" style={{ marginTop: 0 }}>
            派出单位与选派干部责任、项目、资金“三个捆绑”（{year}年）。
          </p>
          <Form.Item label="捆绑责任">
            <Input.TextArea
              rows={2}
              value={resp}
              onChange={(e) => setResp(e.target.value)}
              maxLength={1000}
              placeholder="如：单位主要负责人每季度到村调研一次"
            />
          </Form.Item>
          <Form.Item label="捆绑项目">
            <Input.TextArea rows={2} value={projects} onChange={(e) => setProjects(e.target.value)} maxLength={1000} />
          </Form.Item>
          <Form.Item label="捆绑资金" style={{ marginBottom: 0 }}>
            <MoneyInput value={funds} onChange={setFunds} width={200} />
          </Form.Item>
        </Form>
      )}
    </SaveDialog>
  );
}

/** The records already entered, one line each with 删除; onRemove asks before it removes. */
function RemovableList<T extends { id: number }>({
  rows,
  testId,
  describe,
  onRemove,
}: {
  rows: T[];
  testId: string;
  describe: (row: T) => string;
  onRemove: (row: T) => void;
}) {
  return (
    <Table<T>
      size="small"
      bordered
      showHeader={false}
      pagination={false}
      rowKey="id"
      dataSource={rows}
      data-testid={testId}
      columns={[
        { key: 'what', render: (_, r) => describe(r) },
        {
          key: 'op',
          width: 64,
          render: (_, r) => (
            <Button size="small" type="link" danger onClick={() => onRemove(r)}>
              删除
            </Button>
          ),
        },
      ]}
    />
  );
}
