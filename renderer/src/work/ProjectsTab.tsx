import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Select, Space, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useMemo, useState } from 'react';
import { PROJECT_KINDS, type Project, type ProjectKind } from '../../../shared/work';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { useConfirmRemove } from '../common/useConfirmRemove';
import { sheetFromColumns, type ExportColumn } from '../common/tableSheet';
import { READ_ONLY_HINT, ReadOnlyHint, useReadOnlyIndex } from '../common/useReadOnly';
import { useAppState } from '../app/AppState';
import { parseOrgFilter } from '../cadres/orgOptions';
import { OrgFilterSelect } from '../common/OrgFilterSelect';
import { useNotify } from '../util/notify';
import { FillTable } from '../common/FillTable';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { Money, thisYear, YearSelect } from './common';
import { PubliciseDialog, RevenueDialog } from './ProjectDialogs';
import { ProjectForm } from './ProjectForm';
import { dateLabel } from '../../../shared/dates';

/** 项目: the year's projects with filters; 公示 and park revenue from each row. */
export function ProjectsTab({ cadreId: initialCadre, projectId }: { cadreId?: number; projectId?: number }) {
  const { org, dataVersion, refresh } = useAppState();
  const confirmRemove = useConfirmRemove();
  const { success } = useNotify();
  const cadres = useCadres();
  const [year, setYear] = useState(thisYear());
  const [orgFilter, setOrgFilter] = useState<string>();
  const [cadreId, setCadreId] = useState<number | undefined>(projectId ? undefined : initialCadre);
  const [kind, setKind] = useState<ProjectKind>();
  const [onlyUnpublicised, setOnlyUnpublicised] = useState(false);
  const [editing, setEditing] = useState<Project | null | 'new'>(null);
  const [publicising, setPublicising] = useState<Project | null>(null);
  const [revenueOf, setRevenueOf] = useState<Project | null>(null);

  const input = useMemo(
    () => ({
      year,
      ...parseOrgFilter(orgFilter),
      ...(cadreId ? { cadreId } : {}),
      ...(kind ? { kind } : {}),
      ...(onlyUnpublicised ? { unpublicised: true } : {}),
    }),
    [year, orgFilter, cadreId, kind, onlyUnpublicised],
  );
  const list = useCall('work.projects.list', input, `${JSON.stringify(input)}|${dataVersion}`);
  // Review copies: their projects are read only; nothing is added while one is the filter.
  const ro = useReadOnlyIndex();
  const scope = parseOrgFilter(orgFilter);
  const cannotAdd =
    ro.county(scope.countyId) ||
    ro.township(scope.townshipId) ||
    ro.cadreRow(cadres.find((c) => c.id === cadreId)) ||
    (!!org && org.counties.length > 0 && org.counties.every((c) => c.readOnly));
  const rows = list.data ?? [];
  useShowsRecordsOf({ villages: rows.map((r) => r.villageId) });
  const reloadAfter = (p: Project) => {
    setRevenueOf((r) => (r && r.id === p.id ? p : r));
    list.reload();
    void refresh();
  };
  const after = (p: Project, text: string) => {
    success(text);
    reloadAfter(p);
  };

  const remove = (p: Project) =>
    confirmRemove({
      title: `删除项目“${p.name}”？`,
      content: '项目的资金来源、公示和产业园收益记录将一并删除。',
      remove: () => call('work.projects.remove', { id: p.id }),
      done: '项目已删除',
      failed: '项目未删除',
      onRemoved: () => reloadAfter(p),
    });

  const columns: ExportColumn<Project>[] = [
    { title: '项目名称', dataIndex: 'name', ellipsis: true, width: 180 },
    { title: '负责干部', dataIndex: 'cadreName', width: 82 },
    { title: '乡镇 / 村', key: 'place', width: 140, ellipsis: true, render: (_, r) => `${r.township} ${r.village}` },
    { title: '类别', dataIndex: 'kind', width: 82 },
    { title: '状态', dataIndex: 'status', width: 70 },
    {
      title: '总投资（元）',
      dataIndex: 'investmentFen',
      align: 'right',
      width: 120,
      render: (v: number) => <Money fen={v} />,
      exportValue: (r) => r.investmentFen / 100,
    },
    {
      title: '派出单位资金',
      key: 'unit',
      align: 'right',
      width: 110,
      render: (_, r) => <Money fen={r.funds.find((f) => f.source === '派出单位资金')?.amountFen ?? 0} />,
      exportValue: (r) => (r.funds.find((f) => f.source === '派出单位资金')?.amountFen ?? 0) / 100,
    },
    {
      title: '公示',
      key: 'pub',
      width: 200,
      ellipsis: true,
      render: (_, r) =>
        r.publicisedOn ? (
          <span title={r.publicisedPlace ?? ''}>
            {dateLabel(r.publicisedOn)} {r.publicisedPlace}
          </span>
        ) : (
          <Tag color="red">未公示</Tag>
        ),
    },
    { title: '产业园', dataIndex: 'inPark', width: 64, align: 'center', render: (v: boolean) => (v ? <Tag color="green">园内</Tag> : '—') },
    {
      title: '操作',
      key: 'ops',
      noExport: true,
      width: 190,
      fixed: 'right',
      render: (_, r) =>
        ro.village(r.villageId) ? (
          <span className="ob-muted">{READ_ONLY_HINT}</span>
        ) : (
          <Space size={0}>
            <Button size="small" type="link" onClick={() => setEditing(r)}>
              编辑
            </Button>
            <Button size="small" type="link" onClick={() => setPublicising(r)} data-testid={`publicise-${r.id}`}>
              {r.publicisedOn ? '改公示' : '公示'}
            </Button>
            {r.inPark && (
              <Button size="small" type="link" onClick={() => setRevenueOf(r)}>
                收益
              </Button>
            )}
            <Button size="small" type="link" danger onClick={() => void remove(r)}>
              删除
            </Button>
          </Space>
        ),
    },
  ];

  const unpublicised = rows.filter((r) => !r.publicisedOn).length;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', width: '100%' }}>
      <div style={{ display: 'flex', gap: 8, marginBottom: 8, flexWrap: 'wrap', alignItems: 'center' }}>
        <YearSelect value={year} onChange={setYear} />
        <OrgFilterSelect placeholder="县 / 乡镇" value={orgFilter} onChange={setOrgFilter} width={170} />
        <CadreSelect cadres={cadres} value={cadreId} onChange={setCadreId} allowClear placeholder="负责干部" width={200} />
        <Select
          allowClear
          placeholder="项目类别"
          value={kind}
          onChange={setKind}
          options={PROJECT_KINDS.map((k) => ({ value: k, label: k }))}
          style={{ width: 110 }}
        />
        <Checkbox checked={onlyUnpublicised} onChange={(e) => setOnlyUnpublicised(e.target.checked)}>
          只看未公示
        </Checkbox>
        <div style={{ flex: 1 }} />
        <span className="ob-muted">
          共 {rows.length} 个{unpublicised ? `，${unpublicised} 个未公示` : ''}
        </span>
        <ExportExcelButton
          fileName={`${year}年项目.xlsx`}
          disabled={rows.length === 0}
          sheets={() => [sheetFromColumns(`${year}年项目`, columns, rows)]}
        />
        <ReadOnlyHint readOnly={cannotAdd}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="new-project">
            新增项目
          </Button>
        </ReadOnlyHint>
      </div>
      <FillTable<Project>
        error={list.error}
        rowKey="id"
        columns={columns}
        dataSource={rows}
        loading={list.loading}
        scrollX={1300}
        picked={(r) => r.id === projectId}
        locale={{ emptyText: `${year}年暂无项目。每名驻村干部年底前至少要有1个促进乡村振兴发展项目，并在村公示栏公示。` }}
        data-testid="project-table"
      />
      <ProjectForm
        open={editing !== null}
        project={editing === 'new' ? null : editing}
        cadreId={cadreId}
        onClose={() => setEditing(null)}
        onSaved={(p) => {
          setEditing(null);
          if (p.year !== year) setYear(p.year);
          after(p, `已保存项目“${p.name}”`);
        }}
      />
      <PubliciseDialog
        project={publicising}
        onClose={() => setPublicising(null)}
        onSaved={(p) => {
          setPublicising(null);
          after(p, `已登记“${p.name}”的公示`);
        }}
      />
      <RevenueDialog project={revenueOf} onClose={() => setRevenueOf(null)} onSaved={(p) => after(p, '收益已保存')} />
    </div>
  );
}
