/**
 * 包县督查 in the city view: each 市委组织部 leader, the counties they contract in the year and the
 * checks they made there (dates, places, findings), from records only. A leader without a recorded
 * check says 本年度未录入督查记录 — never a 0 that reads as "did not check". Leaders are in name
 * order: no ranking by activity (减负). 市级 checks naming no leader are listed below to be named.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Popconfirm, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TableSheet } from '../../../shared/api/output';
import { dateLabel } from '../../../shared/dates';
import {
  LEADER_TABLE_HEADERS,
  checkPlaceText as placeOf,
  checkResultText as resultOf,
  leaderCountText as countText,
  leaderRowCells,
  leaderTableRows,
  type CityLeader,
  type LeaderCheck,
  type LeaderTableRow,
  type LeadersYearView,
  type UnlinkedCityCheck,
} from '../../../shared/leaders';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import type { ColumnType } from 'antd/es/table';
import { useNotify } from '../util/notify';
import { LeaderDialog } from './LeaderDialog';

/** The period's ISO dates (as the CLI and the worksheet give them) in the screen's format: 2024年3月1日 至今. */
const datesShown = (text: string): string => text.replace(/\d{4}-\d{2}-\d{2}/g, (iso) => dateLabel(iso));

function columns(onLeader: (id: number) => void, onUnlink: (k: LeaderCheck, r: LeaderTableRow) => void): ColumnType<LeaderTableRow>[] {
  const lines = (r: LeaderTableRow, f: (k: LeaderCheck) => string) => r.checks.map((k) => <div key={k.checkId}>{f(k)}</div>);
  return [
    {
      title: '领导',
      key: 'leader',
      width: 150,
      onCell: (r) => ({ rowSpan: r.span }),
      render: (_: unknown, r) => (
        <div>
          <a onClick={() => onLeader(r.leaderId)} data-testid={`leader-${r.leaderId}`} title="修改姓名、职务和承包县">
            {r.name}
          </a>
          <div className="ob-muted">{r.title}</div>
        </div>
      ),
    },
    {
      title: '承包县（市、区）',
      key: 'county',
      width: 130,
      render: (_: unknown, r) => (
        <span>
          {r.county}
          {r.period === null && <Tag style={{ marginLeft: 4 }}>承包范围外</Tag>}
          {r.imported && r.period !== null && (
            <Tag color="blue" style={{ marginLeft: 4 }}>
              导入
            </Tag>
          )}
        </span>
      ),
    },
    { title: '承包期', key: 'period', width: 200, render: (_: unknown, r) => (r.period === null ? '—' : datesShown(r.period)) },
    {
      title: '本年督查',
      key: 'count',
      width: 130,
      render: (_: unknown, r) => (
        <span className={r.checks.length ? undefined : 'ob-muted'} data-testid={`leader-count-${r.key}`}>
          {countText(r)}
        </span>
      ),
    },
    {
      title: '督查日期',
      key: 'dates',
      width: 130,
      render: (_: unknown, r) =>
        r.checks.map((k) => (
          <div key={k.checkId}>
            <Popconfirm title={`取消该次督查与${r.name}的关联？`} okText="取消关联" cancelText="保留" onConfirm={() => onUnlink(k, r)}>
              <a title="取消关联">{dateLabel(k.date)}</a>
            </Popconfirm>
          </div>
        )),
    },
    {
      title: '督查乡镇、村',
      key: 'places',
      width: 200,
      render: (_: unknown, r) => lines(r, placeOf),
    },
    {
      title: '督查发现',
      key: 'findings',
      render: (_: unknown, r) => lines(r, resultOf),
    },
  ];
}

/** The year's 包县督查 as a worksheet (the city view's 导出Excel), the same texts as the CLI. */
export function leadersSheet(v: LeadersYearView): TableSheet {
  return {
    sheetName: `${v.year}年度包县督查`,
    columns: LEADER_TABLE_HEADERS.map((header) => ({ header })),
    rows: leaderTableRows(v).map(leaderRowCells),
  };
}

/** `refreshed` changes when the page's 刷新 is pressed: the section reads its records again too. */
export function LeadersSection({ year, refreshed }: { year: number; refreshed: number }) {
  const { dataVersion } = useAppState();
  const { success, notifyError } = useNotify();
  const [tick, setTick] = useState(0);
  const res = useCall('leaders.year', { year }, `${year}|${dataVersion}|${tick}|${refreshed}`);
  const list = useCall('leaders.list', {}, `${dataVersion}|${tick}|${refreshed}`);
  const [editing, setEditing] = useState<CityLeader | null | undefined>(undefined);
  const reload = () => setTick((t) => t + 1);
  const link = async (checkId: number, leaderId: number | null, done: string) => {
    try {
      await call('leaders.linkCheck', { checkId, leaderId });
      success(done);
      reload();
    } catch (err) {
      notifyError(err);
    }
  };
  const v = res.data?.year === year ? res.data : undefined;
  const leaders = list.data ?? [];
  const rows = v ? leaderTableRows(v) : [];
  return (
    <div data-testid="leaders-section">
      <div className="ob-stats-section" style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
        <span>市委组织部领导包县督查</span>
        <span className="ob-muted" style={{ fontWeight: 400 }}>
          按督查记录列出，不作排名
        </span>
        <div style={{ flex: 1 }} />
        <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing(null)} data-testid="leader-new">
          新增包县领导
        </Button>
      </div>
      {(res.error || list.error) && <Alert type="error" showIcon title={res.error ?? list.error} style={{ marginBottom: 8 }} />}
      <Table<LeaderTableRow>
        size="small"
        rowKey="key"
        bordered
        loading={!v}
        pagination={false}
        columns={columns(
          (id) => setEditing(leaders.find((l) => l.id === id) ?? null),
          (k) => void link(k.checkId, null, '已取消关联'),
        )}
        dataSource={rows}
        locale={{ emptyText: '本年度未录入包县领导，可点击“新增包县领导”登记' }}
        data-testid="leaders-table"
      />
      {v && v.unlinked.length > 0 && (
        <>
          <div className="ob-stats-section">未注明领导的市级督查</div>
          <Table<UnlinkedCityCheck>
            size="small"
            rowKey="checkId"
            bordered
            pagination={false}
            dataSource={v.unlinked}
            data-testid="unlinked-checks"
            columns={[
              { title: '督查日期', dataIndex: 'date', width: 130, render: (d: string) => dateLabel(d) },
              { title: '县（市、区）', dataIndex: 'county', width: 110 },
              { title: '督查乡镇、村', key: 'place', width: 200, render: (_: unknown, k) => placeOf(k) },
              { title: '督查人 / 督查组', dataIndex: 'checker', width: 160 },
              { title: '督查发现', key: 'findings', render: (_: unknown, k) => resultOf(k) },
              {
                title: '记为哪位领导的督查',
                key: 'link',
                width: 170,
                render: (_: unknown, k) => (
                  <Select
                    size="small"
                    style={{ width: 150 }}
                    placeholder="选择领导"
                    aria-label={`${dateLabel(k.date)}督查的领导`}
                    options={leaders.map((l) => ({ value: l.id, label: l.name }))}
                    onChange={(id: number) => void link(k.checkId, id, '已注明督查领导')}
                  />
                ),
              },
            ]}
          />
        </>
      )}
      <LeaderDialog
        open={editing !== undefined}
        leader={editing ?? null}
        onClose={() => setEditing(undefined)}
        onSaved={() => {
          setEditing(undefined);
          reload();
        }}
      />
    </div>
  );
}
