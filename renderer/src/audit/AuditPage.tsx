/**
 * 审计日志: every change with who and when, newest first; quick filters for what an inspector
 * looks for first (考勤认定 / 考核定稿 / 数据导入), the chain status, the entry's before/after,
 * and a print of the filtered list.
 */
import { PrinterOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AuditPage as AuditListPage, AuditRow } from '../../../shared/audit';
import { INSPECTOR_GROUPS, type InspectorGroup } from '../../../shared/audit';
import type { PrintedPdf } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { PdfPreview } from '../preview/PdfPreview';
import { useDebounced } from '../util/useDebounced';
import { useNotify } from '../util/notify';
import { DateFilter, typedDate } from './DateFilter';
import { AuditDrawer } from './AuditDrawer';
import { ChainBadge } from './ChainBadge';
import { timeLabel } from '../../../shared/dates';
import { settle } from '../util/settle';

type Group = InspectorGroup | 'all';
const PAGE = 100;

const columns: ExportColumn<AuditRow>[] = [
  { title: '序号', dataIndex: 'id', width: 70 },
  { title: '时间', dataIndex: 'at', width: 190, render: (v: string) => timeLabel(v) },
  { title: '操作员', dataIndex: 'operator', width: 120, render: (v: string | null) => v ?? <span className="ob-muted">—</span> },
  {
    title: '操作',
    dataIndex: 'what',
    width: 150,
    render: (v: string, r) =>
      r.kind ? <Tag color={r.kind.startsWith('attendance') ? 'green' : r.kind.startsWith('evaluation') ? 'purple' : 'blue'}>{v}</Tag> : v,
  },
  { title: '记录', dataIndex: 'record', render: (v: string) => <span style={{ wordBreak: 'break-all' }}>{v}</span> },
  { title: '', exportHeader: '前后对照', width: 70, render: (_, r) => (r.hasChange ? <span className="ob-muted">有前后</span> : null) },
];

export function AuditPage() {
  const { dataVersion } = useAppState();
  const [group, setGroup] = useState<Group>('all');
  const [operator, setOperator] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const debounced = useDebounced(text, 300);
  const [openId, setOpenId] = useState<number | null>(null);
  // Older pages loaded for the current first page; dropped when the first page changes.
  const [extra, setExtra] = useState<{ base: AuditListPage | undefined; rows: AuditRow[]; cursor: number | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [printed, setPrinted] = useState<(PrintedPdf & { entries: number }) | null>(null);
  const [printing, setPrinting] = useState(false);
  const { notifyError } = useNotify();

  const fromDate = typedDate(from, false);
  const toDate = typedDate(to, true);
  const filter = useMemo(
    () => ({
      ...(group === 'all' ? {} : { kinds: [...INSPECTOR_GROUPS[group].kinds] }),
      ...(operator ? { operator } : {}),
      ...(fromDate ? { from: fromDate } : {}),
      ...(toDate ? { to: toDate } : {}),
      ...(debounced.trim() ? { text: debounced.trim() } : {}),
    }),
    [group, operator, fromDate, toDate, debounced],
  );
  const key = `${JSON.stringify(filter)}|${dataVersion}`;
  const list = useCall('audit.list', { filter, limit: PAGE }, key);
  const operators = useCall('audit.operators', {}, String(dataVersion));
  const chain = useCall('audit.verify', {}, String(dataVersion));

  const current = extra && extra.base === list.data ? extra : null;
  const more = current?.rows ?? [];
  const cursor = current ? current.cursor : (list.data?.nextCursor ?? null);
  const rows = [...(list.data?.rows ?? []), ...more];
  const loadMore = async () => {
    if (cursor === null) return;
    setLoadingMore(true);
    try {
      const page = await call('audit.list', { filter, before: cursor, limit: PAGE });
      setExtra({ base: list.data, rows: [...more, ...page.rows], cursor: page.nextCursor });
    } catch (err) {
      notifyError(err, '未能读取审计日志');
    } finally {
      setLoadingMore(false);
    }
  };
  const print = async () => {
    setPrinting(true);
    try {
      setPrinted(await call('audit.print', { filter }));
    } catch (err) {
      notifyError(err, '未能生成打印文件');
    } finally {
      setPrinting(false);
    }
  };
  /** Every entry the filter matches (not only the pages loaded), as the table shows them. */
  const allRows = async (): Promise<AuditRow[]> => {
    const out: AuditRow[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await call('audit.list', { filter, limit: 500, ...(before ? { before } : {}) });
      out.push(...page.rows);
      if (page.nextCursor === null) return out;
      before = page.nextCursor;
    }
  };
  const openExternal = async () => {
    if (!printed) return;
    try {
      await call('dossier.openExternal', { sha256: printed.sha256 });
    } catch (err) {
      notifyError(err, '无法用系统程序打开');
    }
  };

  return (
    <>
      <div className="ob-page-title">
        <h2>审计日志</h2>
        <ChainBadge status={chain.data} error={chain.error} />
        <span className="ob-muted" data-testid="audit-total">
          {list.data && !list.loading ? `共 ${list.data.total} 条` : ''}
        </span>
        <div style={{ flex: 1 }} />
        <Button icon={<ReloadOutlined />} onClick={() => (list.reload(), chain.reload())} title="刷新" aria-label="刷新" />
        <ExportExcelButton
          fileName="审计日志.xlsx"
          disabled={!list.data?.total}
          sheets={async () => [sheetFromColumns('审计日志', columns, await allRows())]}
        />
        <Button type="primary" icon={<PrinterOutlined />} loading={printing} onClick={settle(print)} disabled={!list.data?.total}>
          打印
        </Button>
      </div>

      <div style={{ display: 'flex', gap: 8, marginBottom: 10, flexWrap: 'wrap', alignItems: 'center' }}>
        <Radio.Group
          value={group}
          onChange={(e) => setGroup(e.target.value as Group)}
          optionType="button"
          buttonStyle="solid"
          aria-label="事件类别"
          data-testid="audit-groups"
          options={[
            { value: 'attendance', label: INSPECTOR_GROUPS.attendance.label },
            { value: 'evaluation', label: INSPECTOR_GROUPS.evaluation.label },
            { value: 'imports', label: INSPECTOR_GROUPS.imports.label },
            { value: 'all', label: '全部' },
          ]}
        />
        <Select
          allowClear
          placeholder="全部操作员"
          value={operator}
          onChange={setOperator}
          options={(operators.data ?? []).map((o) => ({ value: o, label: o }))}
          style={{ width: 150 }}
          aria-label="操作员"
        />
        <DateFilter value={from} onChange={setFrom} end={false} label="开始日期" />
        <span className="ob-muted">至</span>
        <DateFilter value={to} onChange={setTo} end label="结束日期" />
        <Input.Search
          allowClear
          placeholder="搜索姓名、题名、原因…"
          value={text}
          onChange={(e) => setText(e.target.value)}
          style={{ width: 220 }}
          aria-label="搜索"
        />
      </div>

      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 10 }} />}

      <div className="ob-scroll" data-testid="audit-list">
        <Table<AuditRow>
          size="small"
          rowKey="id"
          // While a changed filter is answered, the previous rows are covered: they are not its result.
          loading={list.loading}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: '没有符合条件的记录' }}
          onRow={(r) => ({
            onClick: () => setOpenId(r.id),
            onKeyDown: (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                setOpenId(r.id);
              }
            },
            tabIndex: 0,
            style: { cursor: 'pointer' },
            'aria-label': `第 ${r.id} 条 ${r.what}`,
          })}
          columns={columns}
        />
        {cursor !== null && (
          <div style={{ textAlign: 'center', margin: 12 }}>
            <Button onClick={settle(loadMore)} loading={loadingMore}>
              加载更早的记录
            </Button>
          </div>
        )}
      </div>

      <AuditDrawer id={openId} onClose={() => setOpenId(null)} />

      <Modal
        open={printed !== null}
        onCancel={() => setPrinted(null)}
        title="打印审计日志"
        width={900}
        footer={[
          <Button key="open" type="primary" icon={<PrinterOutlined />} onClick={settle(openExternal)}>
            用系统程序打开/打印
          </Button>,
          <Button key="close" onClick={() => setPrinted(null)}>
            关闭
          </Button>,
        ]}
        destroyOnHidden
      >
        {printed && (
          <>
            <Typography.Text data-testid="audit-print-summary">
              共 {printed.entries} 条记录，{printed.pages} 页
            </Typography.Text>
            <PdfPreview url={printed.url} />
          </>
        )}
      </Modal>
    </>
  );
}
