import { ImportOutlined, PlusOutlined, ReloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Input, Select, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo, useState } from 'react';
import { POST_TYPES, type CadreListRow, type PostType } from '../../../shared/domain';
import { useCall } from '../api/useCall';
import { useShowsRecordsOf } from '../common/shownCounties';
import type { TableSheet } from '../../../shared/api/output';
import { useAppState } from '../app/AppState';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { fireCommand } from '../app/commands';
import { useDebounced } from '../util/useDebounced';
import { useTableBodyHeight } from '../util/useTableBodyHeight';
import { parseOrgFilter, placeLabel } from './orgOptions';
import { OrgFilterSelect } from '../common/OrgFilterSelect';

const POST_COLORS: Record<PostType, string> = {
  乡镇党委第一副书记: 'volcano',
  村党组织第一书记: 'red',
  驻村工作队员: 'geekblue',
};

const columns: ColumnsType<CadreListRow> = [
  { title: '姓名', dataIndex: 'name', width: 96, fixed: 'left' },
  { title: '性别', dataIndex: 'gender', width: 60, align: 'center' },
  {
    title: '身份证号',
    dataIndex: 'idNumberMasked',
    width: 190,
    render: (v: string) => <span style={{ fontVariantNumeric: 'tabular-nums' }}>{v}</span>,
  },
  { title: '任职类型', dataIndex: 'postType', width: 168, render: (v: PostType) => <Tag color={POST_COLORS[v]}>{v}</Tag> },
  { title: '选派层级', dataIndex: 'level', width: 86, align: 'center' },
  { title: '派出单位', dataIndex: 'unitName', width: 200, ellipsis: true, render: (v: string | null) => v ?? '—' },
  {
    title: '县 / 乡镇 / 村',
    key: 'place',
    ellipsis: true,
    render: (_: unknown, r) => placeLabel(r.county, r.township, r.village) || <span className="ob-muted">未安排任职</span>,
  },
  {
    // 完整性 for the clerk: which required categories are still empty, never how many items (issue 13).
    title: '资料完整性',
    dataIndex: 'bagMissing',
    width: 190,
    ellipsis: true,
    render: (v: string[]) =>
      v.length === 0 ? (
        <Tag color="green">七类材料齐全</Tag>
      ) : (
        <span className="ob-muted" title={`资料袋尚未归档：${v.join('、')}`}>
          缺：{v.join('、')}
        </span>
      ),
  },
];

const bagText = (v: string[]) => (v.length === 0 ? '七类材料齐全' : `缺：${v.join('、')}`);

/** The list as a worksheet: the same columns and texts as the table. */
function cadreSheet(rows: CadreListRow[]): TableSheet {
  return {
    sheetName: '干部名册',
    columns: [
      { header: '姓名' },
      { header: '性别' },
      { header: '身份证号' },
      { header: '任职类型' },
      { header: '选派层级' },
      { header: '派出单位' },
      { header: '县 / 乡镇 / 村' },
      { header: '资料完整性' },
    ],
    rows: rows.map((r) => [
      r.name,
      r.gender,
      r.idNumberMasked,
      r.postType,
      r.level,
      r.unitName ?? '—',
      placeLabel(r.county, r.township, r.village) || '未安排任职',
      bagText(r.bagMissing),
    ]),
  };
}

/** Arrow keys move between rendered rows of the list; Enter opens (rows are focusable, tabIndex 0). */
function onRowKey(e: React.KeyboardEvent<HTMLElement>, open: () => void): void {
  const tr = e.currentTarget;
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    open();
    return;
  }
  const step = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
  if (!step) return;
  e.preventDefault();
  const rows = [...(tr.closest('.ant-table')?.querySelectorAll<HTMLElement>('[data-row-key]') ?? [])];
  const next = rows[rows.indexOf(tr) + step];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/** Enter in the filter: the only match opens; with more, focus moves to the list's first row. */
function openOnlyMatch(rows: readonly CadreListRow[], open: (id: number) => void): void {
  if (rows.length === 1) open(rows[0]!.id);
  else document.querySelector<HTMLElement>('[data-testid="cadre-table"] [data-row-key]')?.focus();
}

/** The cadre list: filters, server-side search, a virtual table that stays fast at 10,000 rows. */
export function CadreList({ justSetUp }: { justSetUp: boolean }) {
  const { navigate, dataVersion, status } = useAppState();
  const [query, setQuery] = useState('');
  const [orgFilter, setOrgFilter] = useState<string>();
  const [postType, setPostType] = useState<PostType>();
  const [tipClosed, setTipClosed] = useState(false);
  const q = useDebounced(query.trim(), 250);
  const input = useMemo(
    () => ({ ...(q ? { query: q } : {}), ...parseOrgFilter(orgFilter), ...(postType ? { postType } : {}) }),
    [q, orgFilter, postType],
  );
  const listKey = `${JSON.stringify(input)}|${dataVersion}`;
  const list = useCall('cadres.list', input, listKey);
  const [boxRef, tableY] = useTableBodyHeight<HTMLDivElement>(40);
  const rows = list.data ?? [];
  useShowsRecordsOf({ countyNames: rows.map((r) => r.county) });
  const filtered = Boolean(q || orgFilter || postType);
  const noCadresAtAll = !filtered && !list.loading && rows.length === 0 && !list.error;
  // Enter in the filter: the only match opens; with more, Enter moves into the list. Typed fast
  // ("孙丽娟⏎"), Enter comes before the list answers the text: it waits for that answer.
  const [pendingEnter, setPendingEnter] = useState<string | null>(null);
  const answered = (typed: string) => q === typed && list.dataKey === listKey;
  const enter = () => openOnlyMatch(rows, (id) => navigate({ kind: 'cadre', id }));
  useEffect(() => {
    if (pendingEnter === null) return;
    if (pendingEnter !== query.trim() || list.error) setPendingEnter(null);
    else if (q === pendingEnter && list.dataKey === listKey) {
      setPendingEnter(null);
      openOnlyMatch(list.data ?? [], (id) => navigate({ kind: 'cadre', id }));
    }
  }, [pendingEnter, query, q, list.dataKey, list.error, listKey, list.data, navigate]);

  return (
    <>
      <div className="ob-page-title">
        <h2>干部</h2>
        <span className="ob-muted" data-testid="cadre-count">
          {list.loading && !list.data ? '正在加载…' : `共 ${rows.length} 人`}
        </span>
        <div style={{ flex: 1 }} />
        <ExportExcelButton fileName="干部名册.xlsx" sheets={() => [cadreSheet(rows)]} disabled={rows.length === 0} />
        <Button icon={<ImportOutlined />} onClick={() => fireCommand('importRoster')}>
          导入花名册
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => fireCommand('newCadre')}>
          新增干部
        </Button>
      </div>

      {justSetUp && !tipClosed && (
        <Alert
          style={{ marginBottom: 10 }}
          type="info"
          showIcon
          closable={{ onClose: () => setTipClosed(true) }}
          title={
            (status?.cadreCount ?? 0) > 0
              ? '初始化完成。下一步：点击一名干部查看详情和资料袋，把收到的材料拖入资料袋归档；按 Ctrl+K 可随时搜索。'
              : '初始化完成。下一步：导入本县的干部花名册（Excel），或点击“新增干部”逐个登记。'
          }
        />
      )}

      <div style={{ display: 'flex', gap: 8, marginBottom: 10, flexWrap: 'wrap' }}>
        <Input
          allowClear
          prefix={<SearchOutlined />}
          placeholder="姓名、拼音、首字母或身份证号"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onPressEnter={() => (answered(query.trim()) ? enter() : setPendingEnter(query.trim()))}
          aria-label="查找干部"
          style={{ width: 280 }}
          data-testid="cadre-search"
        />
        <OrgFilterSelect placeholder="县（市、区）/ 乡镇" value={orgFilter} onChange={setOrgFilter} width={220} searchable />
        <Select
          allowClear
          placeholder="任职类型"
          value={postType}
          onChange={(v) => setPostType(v)}
          options={POST_TYPES.map((p) => ({ value: p, label: p }))}
          style={{ width: 190 }}
        />
        <Button icon={<ReloadOutlined />} onClick={list.reload} title="刷新" />
      </div>

      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 10 }} />}

      <div ref={boxRef} className="ob-fill" style={{ background: '#fff' }} data-testid="cadre-table">
        {noCadresAtAll ? (
          <Empty
            style={{ paddingTop: 60 }}
            description={
              <div>
                <div style={{ fontSize: 15, color: '#1f2937', marginBottom: 4 }}>还没有登记任何干部</div>
                <div className="ob-muted">第一步：导入本县已有的干部花名册（Excel 或 CSV），或逐个新增干部。</div>
              </div>
            }
          >
            <Button type="primary" icon={<ImportOutlined />} onClick={() => fireCommand('importRoster')} style={{ marginRight: 8 }}>
              导入花名册
            </Button>
            <Button icon={<PlusOutlined />} onClick={() => fireCommand('newCadre')}>
              新增干部
            </Button>
          </Empty>
        ) : (
          <Table<CadreListRow>
            virtual
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={rows}
            loading={list.loading}
            pagination={false}
            scroll={{ x: 1000, y: tableY }}
            locale={{ emptyText: filtered ? '没有符合条件的干部' : '暂无数据' }}
            onRow={(r) => ({
              onClick: () => navigate({ kind: 'cadre', id: r.id }),
              onKeyDown: (e) => onRowKey(e, () => navigate({ kind: 'cadre', id: r.id })),
              tabIndex: 0,
              'aria-label': `${r.name}，${r.postType}`,
              style: { cursor: 'pointer' },
            })}
          />
        )}
      </div>
    </>
  );
}
