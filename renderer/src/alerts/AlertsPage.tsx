import { ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Alert as AntAlert, Button, Empty, Select, Spin, Table, Tag } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useMemo, useState } from 'react';
import { ALERT_KINDS, SEVERITY_LABELS, type Alert, type AlertKind } from '../../../shared/alerts';
import { useCall } from '../api/useCall';
import { useAppState, type View } from '../app/AppState';
import { parseOrgFilter } from '../cadres/orgOptions';
import { OrgFilterSelect } from '../common/OrgFilterSelect';
import { dateLabel, monthLabel, yearOptions } from '../../../shared/dates';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { thisYear } from '../app/today';

/** What each kind means, under its heading. */
const KIND_HINTS: Record<AlertKind, string> = {
  月在岗不足: '已结束并经乡镇党委认定的月份在岗天数少于县里规定的最少天数（未认定的月份不作判断）',
  考勤逾期未认定: '月考勤表超过认定期限仍未经乡镇党委书记签字、盖章认定',
  考勤登记不实: '督查发现干部不在岗，而乡镇党委书记签字认定的考勤表记为在岗；须核查，属实的对书记作出处理并撤销重认定',
  五必到缺席: '重要会议、重点工作、难点问题、重大纠纷、突发事件中缺席',
  督查不在岗: '乡镇月检、县级抽查、市级暗访、电话查岗、督查室督查时不在岗，影响年度考核等次；当日有已批准请假的为有因，不影响等次',
  请假越权审批: '请假天数超过乡镇审批上限，却未经县委组织部审批',
  报告逾期: '季度工作进展报告、半年书面工作总结超过报送期限仍未报送',
  年度无项目: '驻村干部年底前至少要有1个促进乡村振兴发展项目',
  项目未公示: '本年度项目尚未在村公示栏公示',
  未包扶薄弱村: '乡镇党委第一副书记每人至少包扶1个集体经济薄弱村',
  薄弱村节点逾期: '包扶的薄弱村未按期形成发展思路、增收渠道或摘帽，应约谈或召回调换并记录在案',
  补助发放滞后: '市级选派干部已结束季度的工作生活补助未足额发放',
  保险脱保: '市级选派干部在岗期间没有有效的人身意外伤害保险',
  季度未调度: '县委组织部每季度召开驻乡村干部工作调度会，已结束的季度尚未登记调度会',
  无年度计划: '选派干部要制订年度工作计划（目标、措施、时间节点、责任）；超过规则设置的制订期限仍未录入',
  计划事项逾期: '年度计划或三年规划中的事项已过时间节点，仍未完成',
  乡镇月检缺失: '乡镇党委每月检查选派干部出勤情况；该乡镇这个月没有乡镇级检查记录',
  县级抽查缺失: '县委组织部每月抽查选派干部出勤情况；全县这个月没有县级抽查记录',
};

/** Where an alert's record opens. */
export function viewOf(a: Alert): View {
  const l = a.link;
  switch (l.view) {
    case 'events':
      return 'eventId' in l
        ? { kind: 'events', eventId: l.eventId }
        : 'checkId' in l
          ? { kind: 'events', checkId: l.checkId }
          : { kind: 'events' };
    case 'verifications':
      return { kind: 'events', tab: 'verifications', year: l.year };
    case 'worklog':
      return { kind: 'worklog', cadreId: l.cadreId, tab: l.tab };
    case 'work': {
      if (l.tab === 'scheduling') return { kind: 'work', tab: 'scheduling' };
      const v: View = { kind: 'work', tab: l.tab };
      if (l.cadreId !== undefined) v.cadreId = l.cadreId;
      if ('projectId' in l && l.projectId !== undefined) v.projectId = l.projectId;
      if ('villageId' in l && l.villageId !== undefined) v.villageId = l.villageId;
      return v;
    }
    case 'attendance-leave':
      return { kind: 'attendance', townshipId: l.townshipId, month: l.month, leaveId: l.leaveId };
    default:
      return { kind: 'attendance', townshipId: l.townshipId, month: l.month };
  }
}

/** 预警: who is behind on what in a year, grouped by kind; every row opens its record. */
export function AlertsPage() {
  const { navigate, dataVersion } = useAppState();
  const [year, setYear] = useState(thisYear());
  const [place, setPlace] = useState<string>();
  const [kinds, setKinds] = useState<AlertKind[]>([]);
  const [version, setVersion] = useState(0);
  const { countyId, townshipId } = parseOrgFilter(place);
  const input = useMemo(() => ({ year, ...(countyId ? { countyId } : {}) }), [year, countyId]);
  const list = useCall('alerts.list', input, `${JSON.stringify(input)}|${dataVersion}|${version}`);

  const shown = useMemo(
    () => (list.data ?? []).filter((a) => (!townshipId || a.townshipId === townshipId) && (kinds.length === 0 || kinds.includes(a.kind))),
    [list.data, townshipId, kinds],
  );
  useShowsRecordsOf({ townships: shown.map((a) => a.townshipId) });
  const groups = ALERT_KINDS.map((k) => ({ kind: k, rows: shown.filter((a) => a.kind === k) })).filter((g) => g.rows.length > 0);
  const countOf = (k: AlertKind) => (list.data ?? []).filter((a) => a.kind === k && (!townshipId || a.townshipId === townshipId)).length;

  return (
    <>
      <div className="ob-page-title">
        <h2>预警</h2>
        <span className="ob-muted" data-testid="alert-total">
          {list.loading && !list.data ? '正在计算…' : `${year}年共 ${shown.length} 条`}
        </span>
        <div style={{ flex: 1 }} />
        <Select value={year} onChange={setYear} options={yearOptions(thisYear(), year)} style={{ width: 110 }} aria-label="年度" />
        <OrgFilterSelect placeholder="全县（市、区）/ 乡镇" value={place} onChange={setPlace} width={200} aria-label="乡镇" />
        <Select
          mode="multiple"
          allowClear
          placeholder="全部类别"
          value={kinds}
          onChange={setKinds}
          options={ALERT_KINDS.map((k) => ({ value: k, label: k }))}
          style={{ width: 260 }}
          maxTagCount="responsive"
          aria-label="预警类别"
        />
        <Button icon={<ReloadOutlined />} onClick={() => setVersion((v) => v + 1)} title="重新计算" />
        <ExportExcelButton
          fileName={`${year}年预警.xlsx`}
          disabled={shown.length === 0}
          sheets={() => [
            {
              sheetName: `${year}年预警`,
              columns: [
                { header: '类别' },
                { header: '程度' },
                { header: '乡镇' },
                { header: '干部' },
                { header: '日期 / 月份' },
                { header: '说明' },
              ],
              rows: groups.flatMap((g) =>
                g.rows.map((a) => [
                  g.kind,
                  SEVERITY_LABELS[a.severity],
                  a.township,
                  a.cadreName ?? '—',
                  a.date ? dateLabel(a.date) : a.month ? monthLabel(a.month) : '',
                  a.message,
                ]),
              ),
            },
          ]}
        />
      </div>

      <div style={{ display: 'flex', gap: 8, marginBottom: 10, flexWrap: 'wrap' }} data-testid="alert-counts">
        {ALERT_KINDS.map((k) => {
          const n = countOf(k);
          const on = kinds.includes(k);
          return (
            <Tag.CheckableTag
              key={k}
              checked={on}
              onChange={(c) => setKinds(c ? [...kinds, k] : kinds.filter((x) => x !== k))}
              style={{ padding: '2px 10px', border: '1px solid #d1d5db', fontSize: 13 }}
            >
              {k} <strong style={{ color: on ? undefined : n > 0 ? '#b91c1c' : '#6b7280' }}>{n}</strong>
            </Tag.CheckableTag>
          );
        })}
      </div>

      {list.error && <AntAlert type="error" showIcon title={list.error} style={{ marginBottom: 10 }} />}

      <div className="ob-scroll" data-testid="alert-list">
        {list.loading && !list.data ? (
          <Spin style={{ display: 'block', marginTop: 60 }} />
        ) : groups.length === 0 ? (
          <Empty style={{ marginTop: 60 }} description={`${year}年没有符合条件的预警`} />
        ) : (
          groups.map((g) => (
            <section
              key={g.kind}
              style={{ background: '#fff', marginBottom: 12, padding: '8px 12px' }}
              data-testid={`alert-group-${g.kind}`}
            >
              <div style={{ display: 'flex', alignItems: 'baseline', gap: 10, marginBottom: 6 }}>
                <h3 style={{ margin: 0, fontSize: 15 }}>
                  {g.kind}（{g.rows.length}）
                </h3>
                <span className="ob-muted" style={{ fontSize: 12 }}>
                  {KIND_HINTS[g.kind]}
                </span>
              </div>
              <Table<Alert>
                size="small"
                rowKey={(a) => `${a.kind}|${JSON.stringify(a.link)}|${a.cadreId ?? ''}|${a.date ?? a.month ?? ''}|${a.message}`}
                dataSource={g.rows}
                pagination={g.rows.length > 50 ? { pageSize: 50, size: 'small', showSizeChanger: false } : false}
                onRow={(a) => ({ onClick: () => navigate(viewOf(a)), style: { cursor: 'pointer' } })}
                columns={[
                  {
                    title: '程度',
                    dataIndex: 'severity',
                    width: 64,
                    render: (s: Alert['severity']) => <Tag color={s === 'high' ? 'red' : 'orange'}>{SEVERITY_LABELS[s]}</Tag>,
                  },
                  { title: '乡镇', dataIndex: 'township', width: 90 },
                  { title: '干部', dataIndex: 'cadreName', width: 80, render: (n?: string) => n ?? <span className="ob-muted">—</span> },
                  {
                    title: '日期 / 月份',
                    width: 132,
                    render: (_, a) => (a.date ? dateLabel(a.date) : a.month ? monthLabel(a.month) : ''),
                  },
                  { title: '说明', dataIndex: 'message' },
                  {
                    title: '',
                    width: 72,
                    render: () => (
                      <Button type="link" size="small" style={{ padding: 0 }}>
                        查看 <RightOutlined />
                      </Button>
                    ),
                  },
                ]}
              />
            </section>
          ))
        )}
      </div>
    </>
  );
}
