import { DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, ConfigProvider, Input, Select, Space, Table, Tag } from 'antd';
import { DatePicker } from '../common/DatePicker';
import dayjs from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { planSaveSchema } from '../../../shared/api/work';
import type { Material } from '../../../shared/domain';
import { PLAN_ITEM_STATUSES, type Plan, type PlanItem } from '../../../shared/work';
import { call, errorMessage, stageFile } from '../api/client';
import { useNotify } from '../util/notify';
import { useUnsavedGuard } from '../common/useUnsavedGuard';

const blank = (): PlanItem => ({ goal: '', measures: '', deadline: null, responsible: '', status: '未开始' });
const STATUS_COLOR: Record<string, string> = { 未开始: 'default', 推进中: 'blue', 已完成: 'green', 未完成: 'red' };

/** One plan as an editable item table (目标、措施、时间节点、责任人、状态) with its document in the bag. */
export function PlanCard({
  plan,
  materials,
  onSaved,
  onRemoved,
  readOnly = false,
}: {
  plan: Plan;
  materials: Material[];
  onSaved: () => void;
  onRemoved: () => void;
  /** Review copy: every field disabled, no save, delete, upload or new items. */
  readOnly?: boolean;
}) {
  const { modal } = App.useApp();
  const { success, notifyError } = useNotify();
  const [items, setItems] = useState<PlanItem[]>(plan.items);
  const [materialId, setMaterialId] = useState<number | null>(plan.materialId);
  const [dirty, setDirty] = useState(false);
  useUnsavedGuard(dirty ? '工作计划' : null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    setItems(plan.items);
    setMaterialId(plan.materialId);
    setDirty(false);
  }, [plan]);

  const edit = (i: number, patch: Partial<PlanItem>) => {
    setItems((xs) => xs.map((x, j) => (j === i ? { ...x, ...patch } : x)));
    setDirty(true);
  };

  const save = async (docId = materialId) => {
    const parsed = planSaveSchema.safeParse({ ...plan, materialId: docId, items: items.map(({ id: _id, ...rest }) => rest) });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const row = typeof issue?.path[1] === 'number' ? `第${issue.path[1] + 1}条：` : '';
      return setError(`${row}${issue?.message ?? '输入有误'}`);
    }
    setBusy(true);
    try {
      await call('work.plans.save', parsed.data);
      setError(null);
      success(`已保存“${plan.title}”`);
      onSaved();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  /** Files the document into the bag under 其他佐证材料 and links it. */
  const upload = async (file: File) => {
    setBusy(true);
    try {
      const staged = await stageFile(file, 'attachment', plan.cadreId);
      const m = await call('bag.add', {
        cadreId: plan.cadreId,
        material: {
          category: '其他佐证材料',
          title: plan.title,
          date: null,
          year: plan.startYear,
          responsible: null,
          docNumber: null,
          secrecy: '公开',
          notes: '规划计划文本',
        },
        files: [staged.token],
      });
      setMaterialId(m.id);
      await save(m.id);
    } catch (err) {
      notifyError(err, '规划文件未上传');
    } finally {
      setBusy(false);
    }
  };

  const remove = () =>
    modal.confirm({
      title: `删除“${plan.title}”？`,
      content: '规划条目将被删除；资料袋中的规划文件保留。',
      okText: '删除',
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await call('work.plans.remove', { id: plan.id });
          onRemoved();
        } catch (err) {
          notifyError(err, '未删除');
        }
      },
    });

  const done = items.filter((i) => i.status === '已完成').length;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          <Tag color={plan.kind === '三年规划' ? 'purple' : 'cyan'}>{plan.kind}</Tag>
          <span>{plan.title}</span>
          <span className="ob-muted" style={{ fontWeight: 400 }}>
            {items.length} 条，已完成 {done} 条
          </span>
        </Space>
      }
      extra={
        <Space hidden={readOnly}>
          <Button size="small" type="primary" disabled={!dirty} loading={busy} onClick={() => void save()} data-testid="plan-save">
            保存
          </Button>
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => void remove()} title="删除" />
        </Space>
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <ConfigProvider componentDisabled={readOnly}>
        <Space wrap style={{ marginBottom: 8 }}>
          <span>规划文件：</span>
          <Select
            allowClear
            placeholder="从资料袋选择"
            value={materialId ?? undefined}
            onChange={(v) => {
              setMaterialId(v ?? null);
              setDirty(true);
            }}
            options={materials.map((m) => ({ value: m.id, label: `${m.year}年 ${m.category}《${m.title}》` }))}
            style={{ width: 360 }}
          />
          <Button hidden={readOnly} size="small" icon={<UploadOutlined />} onClick={() => fileRef.current?.click()} loading={busy}>
            上传并归入资料袋
          </Button>
          <input
            ref={fileRef}
            type="file"
            hidden
            onChange={(e) => {
              const f = e.target.files?.[0];
              e.target.value = '';
              if (f) void upload(f);
            }}
          />
        </Space>
        <Table<PlanItem & { key: number }>
          size="small"
          pagination={false}
          dataSource={items.map((x, key) => ({ ...x, key }))}
          scroll={{ x: 980 }}
          locale={{ emptyText: '尚无条目，点击下方“添加条目”' }}
          columns={[
            { title: '序号', key: 'n', width: 50, align: 'center', render: (_, __, i) => i + 1 },
            {
              title: '工作目标',
              key: 'goal',
              width: 240,
              render: (_, r) => <Input.TextArea autoSize value={r.goal} onChange={(e) => edit(r.key, { goal: e.target.value })} />,
            },
            {
              title: '推进措施',
              key: 'measures',
              width: 300,
              render: (_, r) => <Input.TextArea autoSize value={r.measures} onChange={(e) => edit(r.key, { measures: e.target.value })} />,
            },
            {
              title: '时间节点',
              key: 'deadline',
              width: 130,
              render: (_, r) => (
                <DatePicker
                  value={r.deadline ? dayjs(r.deadline) : null}
                  onChange={(d) => edit(r.key, { deadline: d ? d.format('YYYY-MM-DD') : null })}
                  style={{ width: 120 }}
                />
              ),
            },
            {
              title: '责任人',
              key: 'resp',
              width: 100,
              render: (_, r) => <Input value={r.responsible} onChange={(e) => edit(r.key, { responsible: e.target.value })} />,
            },
            {
              title: '状态',
              key: 'status',
              width: 100,
              render: (_, r) => (
                <Select
                  value={r.status}
                  onChange={(v) => edit(r.key, { status: v })}
                  options={PLAN_ITEM_STATUSES.map((s) => ({ value: s, label: <Tag color={STATUS_COLOR[s]}>{s}</Tag> }))}
                  style={{ width: 92 }}
                />
              ),
            },
            {
              title: '',
              key: 'x',
              width: 40,
              render: (_, r) => (
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  onClick={() => {
                    setItems((xs) => xs.filter((_, j) => j !== r.key));
                    setDirty(true);
                  }}
                />
              ),
            },
          ]}
        />
        <Button
          hidden={readOnly}
          size="small"
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() => {
            setItems((xs) => [...xs, blank()]);
            setDirty(true);
          }}
        >
          添加条目
        </Button>
      </ConfigProvider>
    </Card>
  );
}
