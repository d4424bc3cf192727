import { Alert, Button, Card, ConfigProvider, Descriptions, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { yuan } from '../../../shared/work';
import {
  MILESTONE_KINDS,
  MILESTONE_RULE,
  type MilestoneEvaluation,
  type MilestoneKind,
  type VacantPost,
  type WeakVillage,
} from '../../../shared/weakVillages';
import { call } from '../api/client';
import { READ_ONLY_HINT, useVillageReadOnly } from '../common/useReadOnly';
import { useConfirmRemove } from '../common/useConfirmRemove';
import { useNotify } from '../util/notify';
import { MoneyInput, thisYear, YearSelect } from './common';
import { useCadres } from '../common/CadreSelect';
import { SuccessorDialog } from './SuccessorDialog';
import { ActionDialog, MilestoneDialog, type ActionTarget } from './WeakDialogs';
import { dateLabel } from '../../../shared/dates';

const STATE_COLOR: Record<string, string> = { 已完成: 'green', 未到期: 'default', 逾期完成: 'orange', 已逾期: 'red', 已离任: 'default' };

/** One weak village: income by year, supporters, the village's milestones and each supporter's timeline. */
export function WeakDetail({ village, focusCadreId, onChanged }: { village: WeakVillage; focusCadreId?: number; onChanged: () => void }) {
  const { notifyError, success } = useNotify();
  const confirmRemove = useConfirmRemove();
  const cadres = useCadres();
  const [incomeYear, setIncomeYear] = useState(thisYear());
  const [income, setIncome] = useState<number | null>(null);
  const [milestone, setMilestone] = useState<MilestoneKind | null>(null);
  const [target, setTarget] = useState<ActionTarget | null>(null);
  const [supporters, setSupporters] = useState<number[] | null>(null);
  const [vacancy, setVacancy] = useState<VacantPost | null>(null);
  // A village of an imported county: every control disabled, the figures still readable.
  const readOnly = useVillageReadOnly(village.villageId);

  const candidates = useMemo(() => cadres.filter((c) => c.township === village.township), [cadres, village.township]);
  const saved = (text: string) => {
    success(text);
    onChanged();
  };

  const saveIncome = async () => {
    try {
      await call('work.weak.setIncome', { villageId: village.villageId, year: incomeYear, incomeFen: income });
      setIncome(null);
      saved('收入已保存');
    } catch (err) {
      notifyError(err, '收入未保存');
    }
  };
  const saveSupporters = async () => {
    if (!supporters) return;
    try {
      await call('work.weak.setSupporters', { villageId: village.villageId, cadreIds: supporters });
      setSupporters(null);
      saved('包扶干部已保存');
    } catch (err) {
      notifyError(err, '包扶干部未保存');
    }
  };

  const place = `${village.township}${village.village}`;
  const removeListing = () =>
    confirmRemove({
      title: `将${place}移出集体经济薄弱村名单？`,
      content: `用于纠正误登记：本村已登记的节点（${village.milestones.length}个）及其佐证文件关联、另行指定的包扶干部将一并删除，村集体经济收入保留。该村已达标的，请登记“摘帽”节点。`,
      okText: '移出',
      remove: () => call('work.weak.remove', { villageId: village.villageId }),
      done: `${place}已移出薄弱村名单`,
      failed: '未移出',
      onRemoved: onChanged,
    });
  const clearMilestone = (m: WeakVillage['milestones'][number]) =>
    confirmRemove({
      title: `清除${place}的“${m.kind}”节点（${dateLabel(m.date)}）？`,
      content: `该节点的情况说明${m.evidence.length ? `和${m.evidence.length}个佐证文件的关联` : ''}将被删除，节点恢复为未完成。`,
      okText: '清除',
      remove: () => call('work.weak.clearMilestone', { villageId: village.villageId, kind: m.kind }),
      done: `“${m.kind}”节点已清除`,
      failed: '节点未清除',
      onRemoved: onChanged,
    });

  const timeline = (s: WeakVillage['supporters'][number]) => (
    <Table<MilestoneEvaluation>
      size="small"
      rowKey="kind"
      pagination={false}
      dataSource={s.milestones}
      onRow={(m) => ({ style: m.open ? { background: '#fff1f0' } : undefined })}
      columns={[
        { title: '节点', dataIndex: 'kind', width: 90, render: (k: MilestoneKind) => MILESTONE_RULE[k] },
        { title: '期限', dataIndex: 'dueDate', width: 130, render: (d: string) => dateLabel(d) },
        { title: '完成日期', dataIndex: 'achievedOn', width: 130, render: (v: string | null) => (v ? dateLabel(v) : '—') },
        { title: '状态', dataIndex: 'state', width: 80, render: (v: string) => <Tag color={STATE_COLOR[v]}>{v}</Tag> },
        {
          title: '应采取措施',
          key: 'req',
          width: 90,
          render: (_, m) =>
            m.requiredAction ? (
              <Typography.Text type={m.open ? 'danger' : undefined} strong={m.open}>
                {m.requiredAction}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: '已记录',
          key: 'taken',
          width: 130,
          render: (_, m) => (m.actionTaken ? `${dateLabel(m.actionTaken.date)} ${m.actionTaken.action}` : '—'),
        },
        {
          title: '',
          key: 'op',
          width: 90,
          render: (_, m) =>
            m.requiredAction ? (
              <Button
                size="small"
                danger={m.open}
                onClick={() => setTarget({ cadreId: s.cadreId, name: s.name, m })}
                data-testid={`record-action-${s.cadreId}-${m.kind}`}
              >
                记录处理
              </Button>
            ) : null,
        },
      ]}
    />
  );

  return (
    <ConfigProvider componentDisabled={readOnly}>
      <div>
        {readOnly && <Alert type="info" showIcon title={`${READ_ONLY_HINT}：可查看本村情况，不能修改`} style={{ marginBottom: 12 }} />}
        <Descriptions size="small" column={3} bordered style={{ marginBottom: 12 }}>
          <Descriptions.Item label="村">{`${village.township} ${village.village}`}</Descriptions.Item>
          <Descriptions.Item label="列为薄弱村">{village.listedYear}年</Descriptions.Item>
          <Descriptions.Item label="状态">
            {village.status === '已摘帽' ? (
              <Tag color="green">已摘帽{village.delistedOn ? ` ${dateLabel(village.delistedOn)}` : ''}</Tag>
            ) : (
              <Tag color="orange">薄弱</Tag>
            )}
            <Button size="small" danger style={{ marginLeft: 8 }} onClick={removeListing} data-testid="weak-remove">
              移出名单
            </Button>
          </Descriptions.Item>
        </Descriptions>

        <Card size="small" title="村集体经济收入" style={{ marginBottom: 12 }}>
          <Space wrap style={{ marginBottom: 8 }}>
            {village.income.length === 0 && <span className="ob-muted">尚未登记</span>}
            {village.income.map((i) => (
              <Tag key={i.year} color={i.incomeFen >= 5_000_000 ? 'green' : undefined}>
                {i.year}年 {yuan(i.incomeFen)} 元
              </Tag>
            ))}
          </Space>
          <Space wrap>
            <YearSelect value={incomeYear} onChange={setIncomeYear} />
            <MoneyInput value={income} onChange={setIncome} placeholder="年收入" testId="income-amount" />
            <Button onClick={() => void saveIncome()} disabled={income === null}>
              保存收入
            </Button>
          </Space>
        </Card>

        {village.awaitingSuccessor.map((v) => (
          <Alert
            key={v.actionId}
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={`${v.cadreName}已于${dateLabel(v.date)}召回调换，${v.place}的${v.postType}岗位尚未指定接任人`}
            action={
              <Button size="small" type="primary" onClick={() => setVacancy(v)} data-testid={`appoint-successor-${v.actionId}`}>
                指定接任人
              </Button>
            }
          />
        ))}

        <Card size="small" title="包扶干部" style={{ marginBottom: 12 }}>
          <div style={{ marginBottom: 8 }} data-testid="weak-posted-supporters">
            <span className="ob-muted">按任职包扶（本村第一书记、工作队员，自动列入）：</span>
            {village.supporters.filter((s) => s.byPosting).length === 0 ? (
              <span className="ob-muted">无</span>
            ) : (
              village.supporters
                .filter((s) => s.byPosting)
                .map((s) => (
                  <Tag key={s.cadreId} color="blue">
                    {s.name}（{s.postType}）
                  </Tag>
                ))
            )}
          </div>
          <Space wrap>
            <span className="ob-muted">另行指定：</span>
            <Select
              mode="multiple"
              style={{ minWidth: 360 }}
              placeholder="选择在本乡镇任职的干部"
              value={supporters ?? village.supporters.filter((s) => s.assigned).map((s) => s.cadreId)}
              onChange={setSupporters}
              options={candidates.map((c) => ({ value: c.id, label: `${c.name}（${c.postType}）` }))}
              optionFilterProp="label"
              data-testid="weak-supporters"
            />
            <Button type="primary" disabled={!supporters} onClick={() => void saveSupporters()}>
              保存
            </Button>
          </Space>
        </Card>

        <Card size="small" title="节点完成情况（本村）" style={{ marginBottom: 12 }}>
          <Table
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={MILESTONE_KINDS.map((k) => ({ kind: k, rec: village.milestones.find((m) => m.kind === k) }))}
            columns={[
              { title: '节点', dataIndex: 'kind', width: 90 },
              {
                title: '日期',
                key: 'd',
                width: 130,
                render: (_, r) => (r.rec ? dateLabel(r.rec.date) : <span className="ob-muted">未完成</span>),
              },
              { title: '情况说明', key: 'desc', ellipsis: true, render: (_, r) => r.rec?.description ?? '' },
              { title: '佐证', key: 'ev', width: 70, render: (_, r) => (r.rec ? `${r.rec.evidence.length} 个文件` : '') },
              {
                title: '',
                key: 'op',
                width: 120,
                render: (_, r) => (
                  <Space size={4}>
                    <Button size="small" onClick={() => setMilestone(r.kind)}>
                      登记
                    </Button>
                    {r.rec && (
                      <Button size="small" danger onClick={() => clearMilestone(r.rec!)} data-testid={`milestone-clear-${r.kind}`}>
                        清除
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>

        {village.supporters.length === 0 && (
          <Alert type="info" showIcon title="尚未确定包扶干部：节点期限从包扶干部在本乡镇任职开始计算。" />
        )}
        {village.supporters.map((s) => (
          <Card
            key={s.cadreId}
            size="small"
            style={{ marginBottom: 12, borderColor: s.cadreId === focusCadreId ? '#1677ff' : undefined }}
            title={`${s.name}（${s.postType}）`}
            extra={
              <span className="ob-muted">
                {s.clockStart ? `自${dateLabel(s.clockStart)}起算${s.clockEnd ? `，${dateLabel(s.clockEnd)}离任` : ''}` : '未在本乡镇任职'}
              </span>
            }
          >
            {timeline(s)}
          </Card>
        ))}

        <MilestoneDialog
          village={village}
          kind={milestone}
          onClose={() => setMilestone(null)}
          onSaved={() => {
            setMilestone(null);
            saved('节点已登记');
          }}
        />
        <ActionDialog
          village={village}
          target={target}
          onClose={() => setTarget(null)}
          onSaved={(w) => {
            setTarget(null);
            saved('处理情况已记录在案');
            // 召回调换 ended the posting: ask for the successor straight away.
            const fresh = w.awaitingSuccessor.find((v) => !village.awaitingSuccessor.some((x) => x.actionId === v.actionId));
            if (fresh) setVacancy(fresh);
          }}
        />
        <SuccessorDialog
          key={vacancy?.actionId ?? 0}
          village={village}
          vacancy={vacancy}
          onClose={() => setVacancy(null)}
          onSaved={() => {
            setVacancy(null);
            saved('接任干部已任职');
          }}
        />
      </div>
    </ConfigProvider>
  );
}
