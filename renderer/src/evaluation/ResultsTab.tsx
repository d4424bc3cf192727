/**
 * 结果: total, grade, rank within the quota group, caps with their reasons and who the 优秀
 * quota pushed out (highlighted). 定稿 locks the year; 重新开放 needs a reason; both are logged.
 */
import { HistoryOutlined, LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Spin, Table, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { GRADES, type Grade, type ResultRow } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { POST_SHORT } from '../common/postShort';
import { useNotify } from '../util/notify';
import { useTableBodyHeight } from '../util/useTableBodyHeight';
import { FinaliseIncompleteDialog, HistoryDrawer, ReopenDialog } from './YearDialogs';
import { sortResults } from './resultsOrder';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { dateLabel } from '../../../shared/dates';
import { AllOrOneSelect } from '../common/AllOrOneSelect';

export const GRADE_COLOUR: Record<Grade, string> = { 优秀: 'red', 称职: 'blue', 基本称职: 'orange', 不称职: 'default' };

export function ResultsTab({
  countyId,
  year,
  version,
  onChanged,
}: { countyId: number; year: number; version: number; onChanged: () => void }) {
  const { org } = useAppState();
  const { modal } = App.useApp();
  const { notifyError, success } = useNotify();
  const townships = org?.counties.find((c) => c.id === countyId)?.townships ?? [];
  const [townshipId, setTownshipId] = useState<number>();
  const [dialog, setDialog] = useState<'reopen' | 'history' | 'incomplete' | null>(null);
  const input = useMemo(() => ({ countyId, year, ...(townshipId ? { townshipId } : {}) }), [countyId, year, townshipId]);
  const res = useCall('evaluation.results.compute', input, `${JSON.stringify(input)}|${version}`);
  const [boxRef, tableY] = useTableBodyHeight<HTMLDivElement>(44);
  const r = res.data && res.data.year === year && res.data.countyId === countyId ? res.data : undefined;
  const pushed = (r?.rows ?? []).filter((x) => x.quotaNote);
  // Rank order within each group (groups in their first appearance), unscored rows last.
  const sorted = useMemo(() => sortResults(r?.rows ?? []), [r]);

  // The core refuses to finalise while anyone is unscored unless a reason is written (main/core/evaluation/results.ts).
  const unscored = (r?.rows ?? []).filter((x) => x.total === null);
  const finalise = () => {
    if (unscored.length > 0) {
      setDialog('incomplete');
      return;
    }
    modal.confirm({
      title: `${year}年度考核结果定稿？`,
      content: (
        <>
          <p>定稿后分数、等次和方案均锁定，考核登记表按定稿结果打印。</p>
          <p>如需更正，可“重新开放”并填写原因，操作将留痕。</p>
        </>
      ),
      okText: '定稿',
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('evaluation.results.finalise', { countyId, year });
          success(`${year}年度考核结果已定稿`);
          onChanged();
        } catch (err) {
          notifyError(err, '未能定稿');
        }
      },
    });
  };

  const scheme = r?.scheme;
  // Component labels come from the scheme version the results used.
  const full = useCall('evaluation.schemes.get', scheme ? { id: scheme.id } : null, `s:${scheme?.id}`);
  const labels = Object.fromEntries((full.data?.components ?? []).map((c) => [c.key, `${c.label}（${c.weight}%）`]));
  const compKeys = Object.keys(r?.rows[0]?.componentScores ?? {});
  const compCols: ColumnsType<ResultRow> = compKeys.map((k) => ({
    title: labels[k] ?? k,
    key: k,
    width: 76,
    align: 'right' as const,
    render: (_: unknown, x: ResultRow) => x.componentScores[k]?.toFixed(2) ?? '—',
  }));
  const columns: ColumnsType<ResultRow> = [
    {
      title: '排名',
      dataIndex: 'rank',
      width: 56,
      align: 'center',
      render: (v: number | null, x) => (v === null ? '—' : <Tooltip title={`${x.group}内排名`}>{v}</Tooltip>),
    },
    { title: '姓名', dataIndex: 'name', width: 72, fixed: 'left' },
    { title: '乡镇 / 村', key: 'place', width: 136, ellipsis: true, render: (_, x) => [x.township, x.village].filter(Boolean).join('·') },
    { title: '岗位', dataIndex: 'postType', width: 90, render: (v: string) => POST_SHORT[v] ?? v },
    ...compCols,
    {
      title: '总分',
      dataIndex: 'total',
      width: 66,
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <strong>{v.toFixed(2)}</strong>),
    },
    {
      title: '等次',
      dataIndex: 'grade',
      width: 80,
      render: (g: Grade | null, x) =>
        g ? (
          <Tooltip title={x.scoreGrade && x.scoreGrade !== g ? `按分数为${x.scoreGrade}` : undefined}>
            <Tag color={GRADE_COLOUR[g]}>{g}</Tag>
          </Tooltip>
        ) : (
          '—'
        ),
    },
    {
      title: '说明（限制情形、优秀名额）',
      key: 'notes',
      render: (_, x) => (
        <div className="ob-eval-notes">
          {x.caps.map((c) => (
            <div key={c.kind}>
              <Tag color="volcano">最高{c.maxGrade}</Tag>
              {c.reason}
            </div>
          ))}
          {x.quotaNote && <div className="ob-eval-quota">{x.quotaNote}</div>}
          {x.missing.length > 0 && <div className="ob-muted">未录入：{x.missing.join('、')}</div>}
        </div>
      ),
    },
  ];

  return (
    <div className="ob-eval-tab">
      <div className="ob-eval-toolbar">
        <AllOrOneSelect
          value={townshipId}
          onChange={setTownshipId}
          allLabel="全部乡镇"
          options={townships.map((t) => ({ value: t.id, label: t.name }))}
          style={{ width: 120 }}
          aria-label="乡镇"
        />
        {r && (
          <span data-testid="results-counts">
            {GRADES.map((g) => `${g} ${r.counts[g]}`).join(' · ')}
            {r.incomplete > 0 && <span className="ob-eval-warn"> · 未录完 {r.incomplete}</span>}
          </span>
        )}
        {scheme && <span className="ob-muted">方案第{scheme.version}版</span>}
        <div style={{ flex: 1 }} />
        <ExportExcelButton
          fileName={`${year}年度考核结果.xlsx`}
          disabled={!r || sorted.length === 0}
          sheets={() => [
            {
              sheetName: `${year}年度考核结果`,
              columns: [
                { header: '排名', kind: 'number' },
                { header: '名额分组' },
                { header: '姓名' },
                { header: '乡镇 / 村' },
                { header: '岗位' },
                ...compKeys.map((k) => ({ header: labels[k] ?? k, kind: 'number' as const })),
                { header: '总分', kind: 'number' },
                { header: '等次' },
                { header: '说明（限制情形、优秀名额）' },
              ],
              rows: sorted.map((x) => [
                x.rank,
                x.group,
                x.name,
                [x.township, x.village].filter(Boolean).join('·'),
                POST_SHORT[x.postType] ?? x.postType,
                ...compKeys.map((k) =>
                  x.componentScores[k] === undefined || x.componentScores[k] === null ? '未录入' : Number(x.componentScores[k]!.toFixed(2)),
                ),
                x.total === null ? '未录全' : Number(x.total.toFixed(2)),
                x.grade ?? '—',
                [
                  ...x.caps.map((c) => `最高${c.maxGrade}：${c.reason}`),
                  x.quotaNote ?? '',
                  x.missing.length ? `未录入：${x.missing.join('、')}` : '',
                ]
                  .filter(Boolean)
                  .join('；'),
              ]),
            },
          ]}
        />
        <Button icon={<HistoryOutlined />} onClick={() => setDialog('history')}>
          定稿记录
        </Button>
        {r?.finalised ? (
          <Button icon={<UnlockOutlined />} onClick={() => setDialog('reopen')} data-testid="results-reopen">
            重新开放
          </Button>
        ) : (
          <Button type="primary" icon={<LockOutlined />} onClick={finalise} disabled={!scheme} data-testid="results-finalise">
            定稿
          </Button>
        )}
      </div>
      {res.error && <Alert type="error" showIcon title={res.error} style={{ marginBottom: 8 }} />}
      {r?.finalised && (
        <Alert
          type="success"
          showIcon
          icon={<LockOutlined />}
          title={`本年度考核结果已定稿（${r.finalisedAt ? dateLabel(r.finalisedAt) : '定稿日期未录入'}），分数和等次已锁定。${r.incompleteReason ? `定稿时 ${r.rows.filter((x) => x.total === null).length} 人分数未录全，原因：${r.incompleteReason}` : ''}`}
          style={{ marginBottom: 8 }}
          data-testid="results-final"
        />
      )}
      {r && r.groups.length > 0 && (
        <div className="ob-eval-groups" data-testid="quota-groups">
          {r.groups.map((g) => (
            <span key={g.key} className={g.pushed ? 'pushed' : undefined}>
              {g.label}：{g.size}人，优秀名额{g.slots}名，评为优秀{g.excellent}名{g.pushed ? `，因名额未评${g.pushed}名` : ''}
              {g.note ? `（${g.note}）` : ''}
            </span>
          ))}
        </div>
      )}
      {pushed.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 8 }}
          data-testid="quota-effects"
          title={`因优秀名额限制（${full.data?.excellentQuota ?? '—'}%）未评为优秀：${pushed.map((x) => x.name).join('、')}`}
          description={pushed.map((x) => (
            <div key={x.cadreId}>
              <strong>{x.name}</strong>（{x.total?.toFixed(2)}分）：{x.quotaNote}
            </div>
          ))}
        />
      )}
      <div ref={boxRef} style={{ flex: 1, minHeight: 0 }}>
        {!r ? (
          <Spin style={{ marginTop: 60 }} />
        ) : (
          <Table<ResultRow>
            size="small"
            rowKey="cadreId"
            columns={columns}
            dataSource={sorted}
            pagination={false}
            scroll={{ x: 780 + compCols.length * 76, y: tableY }}
            rowClassName={(x) => (x.quotaNote ? 'ob-eval-row-pushed' : x.caps.length ? 'ob-eval-row-capped' : '')}
            data-testid="results-table"
          />
        )}
      </div>
      <ReopenDialog
        open={dialog === 'reopen'}
        countyId={countyId}
        year={year}
        onClose={() => setDialog(null)}
        onDone={() => (setDialog(null), onChanged())}
      />
      <FinaliseIncompleteDialog
        open={dialog === 'incomplete'}
        countyId={countyId}
        year={year}
        unscored={unscored.map((x) => x.name)}
        onClose={() => setDialog(null)}
        onDone={() => (setDialog(null), onChanged())}
      />
      <HistoryDrawer open={dialog === 'history'} countyId={countyId} year={year} version={version} onClose={() => setDialog(null)} />
    </div>
  );
}
