/**
 * 方案: the county's scheme for the year, every version kept. A draft is edited in place;
 * saving an active scheme makes a new draft version, so results already computed never move.
 */
import { CheckCircleOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Empty, Input, Select, Space, Spin, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { schemeProblem } from '../../../shared/evaluation/validate';
import { SCHEME_STATUS_LABELS, type Scheme, type SchemeBody } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useConfirmLeave, useUnsavedGuard } from '../common/useUnsavedGuard';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { ComponentsEditor } from './ComponentsEditor';
import { IndicatorsEditor } from './IndicatorsEditor';
import { RulesEditor } from './RulesEditor';
import { TemplatePicker } from './TemplatePicker';
import { useBusyAction } from '../common/useBusyAction';

const STATUS_COLOUR = { draft: 'gold', active: 'green', superseded: 'default' } as const;

const bodyOf = (s: Scheme): SchemeBody => ({
  name: s.name,
  components: s.components,
  thresholds: s.thresholds,
  excellentQuota: s.excellentQuota,
  quotaGroup: s.quotaGroup,
  quotaRounding: s.quotaRounding,
  quotaMinGroupSize: s.quotaMinGroupSize,
  caps: s.caps,
  ballotFactors: s.ballotFactors,
});

export function SchemeTab(props: { countyId: number; year: number; finalised: boolean; onChanged: () => void; lockedNotice?: string }) {
  const { countyId, year, finalised, onChanged } = props;
  const { modal } = App.useApp();
  const { notifyError, success } = useNotify();
  const [tick, setTick] = useState(0);
  const list = useCall('evaluation.schemes.list', { countyId, year }, `${countyId}|${year}|${tick}`);
  const [picked, setPicked] = useState<number>();
  const [picking, setPicking] = useState(false);
  const versions = list.data ?? [];
  const selectedId =
    picked && versions.some((v) => v.id === picked) ? picked : (versions.find((v) => v.status === 'active') ?? versions[0])?.id;
  const scheme = useCall('evaluation.schemes.get', selectedId ? { id: selectedId } : null, `${selectedId}|${tick}`);
  const current = scheme.data && scheme.data.id === selectedId ? scheme.data : undefined;
  // Edits belong to the scheme object they started from; a reload (after save) starts afresh.
  const [edit, setEdit] = useState<{ of: Scheme; body: SchemeBody } | null>(null);
  const body = current ? (edit?.of === current ? edit.body : bodyOf(current)) : null;
  const setBody = (b: SchemeBody) => current && setEdit({ of: current, body: b });
  const { busy, runBusy } = useBusyAction();
  const dirty = useMemo(() => !!current && !!body && JSON.stringify(bodyOf(current)) !== JSON.stringify(body), [current, body]);
  const problem = body ? schemeProblem(body) : null;
  useUnsavedGuard(dirty ? '考核方案的修改' : null);
  const confirmLeave = useConfirmLeave();

  const after = (s: Scheme, text: string) => {
    success(text);
    setPicked(s.id);
    setTick((t) => t + 1);
    onChanged();
  };

  const doSave = async () => {
    if (!current || !body) return;
    await runBusy(async () => {
      const s = await call('evaluation.schemes.saveDraft', { id: current.id, body });
      after(s, s.id === current.id ? '方案已保存' : `已另存为第${s.version}版（草稿），原版本及其结果不变`);
    }, '方案未保存');
  };
  const save = () => {
    if (!current) return;
    if (current.status === 'draft') return void doSave();
    modal.confirm({
      title: '保存为新版本？',
      content: `第${current.version}版${SCHEME_STATUS_LABELS[current.status]}，不会被改写：修改将保存为新的草稿版本，启用后才用于计算结果。`,
      okText: '保存为新版本',
      cancelText: '取消',
      onOk: doSave,
    });
  };
  const activate = () => {
    if (!current) return;
    modal.confirm({
      title: `启用第${current.version}版方案？`,
      content: versions.some((v) => v.status === 'active')
        ? '当前已启用的版本将被替代，评分表和结果按新版本计算；已录入的分数保留。'
        : '启用后即可录入评分。',
      okText: '启用',
      cancelText: '取消',
      onOk: async () => {
        try {
          after(await call('evaluation.schemes.activate', { id: current.id }), `第${current.version}版方案已启用`);
        } catch (err) {
          notifyError(err, '方案未启用');
        }
      },
    });
  };

  const picker = (
    <TemplatePicker
      open={picking}
      countyId={countyId}
      year={year}
      onClose={() => setPicking(false)}
      onCreated={(s) => (setPicking(false), after(s, `已按模板新建方案第${s.version}版（草稿）`))}
    />
  );
  if (list.loading && !list.data) return <Spin style={{ marginTop: 60 }} />;
  if (versions.length === 0) {
    return (
      <div className="ob-scroll">
        <Empty style={{ marginTop: 60 }} description={`${year}年度还没有考核方案`}>
          {props.lockedNotice ? (
            <Alert type="info" showIcon title={props.lockedNotice} style={{ display: 'inline-flex' }} data-testid="scheme-locked" />
          ) : (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPicking(true)}>
              从模板新建方案
            </Button>
          )}
        </Empty>
        {picker}
      </div>
    );
  }

  const readOnly = finalised;
  return (
    <div className="ob-eval-tab">
      <div className="ob-eval-toolbar">
        <Select
          value={selectedId}
          onChange={(id: number) => void confirmLeave().then((ok) => ok && setPicked(id))}
          style={{ width: 300 }}
          aria-label="方案版本"
          data-testid="scheme-version"
          options={versions.map((v) => ({ value: v.id, label: `第${v.version}版 · ${SCHEME_STATUS_LABELS[v.status]} · ${v.name}` }))}
        />
        {current && (
          <Tag color={STATUS_COLOUR[current.status]} data-testid="scheme-status">
            第{current.version}版 {SCHEME_STATUS_LABELS[current.status]}
          </Tag>
        )}
        <div style={{ flex: 1 }} />
        <Button icon={<PlusOutlined />} onClick={() => setPicking(true)} disabled={finalised}>
          从模板新建
        </Button>
        <Button
          icon={<SaveOutlined />}
          onClick={save}
          disabled={!dirty || !!problem || readOnly}
          loading={busy}
          title={problem ?? undefined}
        >
          {current && current.status !== 'draft' ? '保存为新版本' : '保存'}
        </Button>
        <Button
          type="primary"
          icon={<CheckCircleOutlined />}
          onClick={activate}
          disabled={!current || current.status !== 'draft' || dirty || !!problem || readOnly}
        >
          启用
        </Button>
      </div>
      {finalised && (
        <Alert
          type="info"
          showIcon
          title={props.lockedNotice ?? '本年度考核已定稿，方案不能修改；如需调整，请先在“结果”中重新开放。'}
          style={{ marginBottom: 8 }}
          data-testid="scheme-locked"
        />
      )}
      {current && current.status !== 'draft' && !finalised && (
        <Alert
          type="warning"
          showIcon
          title={`第${current.version}版${SCHEME_STATUS_LABELS[current.status]}：修改后将保存为新版本，不改写本版本及已算出的结果。`}
          style={{ marginBottom: 8 }}
          data-testid="scheme-version-note"
        />
      )}
      {problem && body && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} data-testid="scheme-problem" />}
      {!body ? (
        <Spin style={{ marginTop: 40 }} />
      ) : (
        <div className="ob-scroll ob-eval-scheme">
          <Space style={{ marginBottom: 10 }}>
            <span>方案名称</span>
            <Input
              value={body.name}
              disabled={readOnly}
              maxLength={60}
              style={{ width: 420 }}
              onChange={(e) => setBody({ ...body, name: e.target.value })}
              aria-label="方案名称"
            />
          </Space>
          <h4>考核项目与权重</h4>
          <ComponentsEditor components={body.components} readOnly={readOnly} onChange={(components) => setBody({ ...body, components })} />
          <h4>差异化指标（按岗位类别）</h4>
          <IndicatorsEditor
            key={current?.id}
            components={body.components}
            readOnly={readOnly}
            onChange={(components) => setBody({ ...body, components })}
          />
          <RulesEditor body={body} readOnly={readOnly} onChange={(patch) => setBody({ ...body, ...patch })} />
        </div>
      )}
      {picker}
    </div>
  );
}
