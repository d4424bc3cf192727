import { ArrowLeftOutlined, DeleteOutlined, EditOutlined, SwapOutlined } from '@ant-design/icons';
import { Alert, App, Button, Space, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { CadreDetail } from '../../../shared/domain';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { BagView } from '../bag/BagView';
import { responsibleOf } from '../bag/intake';
import { cadreCountyId, ReadOnlyHint, useReadOnlyIndex } from '../common/useReadOnly';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useNotify } from '../util/notify';
import { CadreForm } from './CadreForm';
import { CadreInfo } from './CadreInfo';
import { placeLabel } from './orgOptions';
import { PostingDialog } from './PostingDialog';
import { settle } from '../util/settle';
import { dateLabel } from '../../../shared/dates';

/** One cadre: information and posting history, and their bag, as tabs. */
export function CadreDetailPage({ id, tab }: { id: number; tab: 'info' | 'bag' }) {
  const { navigate, refresh, dataVersion } = useAppState();
  const { modal } = App.useApp();
  const { notifyError, success } = useNotify();
  const got = useCall('cadres.get', { id }, `${id}|${dataVersion}`);
  const [editOpen, setEditOpen] = useState(false);
  const [moveOpen, setMoveOpen] = useState(false);
  const cadre = got.data;
  const readOnly = useReadOnlyIndex().cadre(cadre);
  useShowsRecordsOf({ counties: [cadreCountyId(cadre)] });

  if (got.error && !cadre) {
    return (
      <>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ kind: 'cadres' })} style={{ alignSelf: 'flex-start' }}>
          返回干部列表
        </Button>
        <Alert type="error" showIcon title={got.error} style={{ marginTop: 12 }} />
      </>
    );
  }
  if (!cadre) return <Spin style={{ marginTop: 80 }} />;

  const current = cadre.postings.find((p) => p.end === null);
  const latest = [...cadre.postings].sort((a, b) => b.start.localeCompare(a.start))[0];

  const confirmDelete = async () => {
    let count = 0;
    let fileCount = 0;
    try {
      const bag = await call('bag.list', { cadreId: cadre.id });
      count = bag.length;
      fileCount = bag.reduce((n, m) => n + m.files.length, 0);
    } catch {
      /* the confirmation still shows what it can */
    }
    modal.confirm({
      title: `删除干部“${cadre.name}”？`,
      width: 480,
      content: (
        <div>
          <p>将一并删除：</p>
          <ul style={{ paddingLeft: 20, margin: '4px 0' }}>
            <li>基本信息和 {cadre.postings.length} 条任职记录；</li>
            <li>
              资料袋中的 {count} 件材料记录（共 {fileCount} 个文件的归档登记）。
            </li>
          </ul>
          <p className="ob-muted" style={{ marginTop: 8 }}>
            原始文件仍保留在档案库中。此操作不能撤销。
          </p>
        </div>
      ),
      okText: '确认删除',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: async () => {
        try {
          await call('cadres.remove', { id: cadre.id });
          success(`已删除干部 ${cadre.name}`);
          void refresh();
          navigate({ kind: 'cadres' });
        } catch (err) {
          notifyError(err, '删除未完成');
        }
      },
    });
  };

  const saved = (c: CadreDetail, text: string) => {
    success(text);
    void refresh();
    void c;
  };

  return (
    <>
      <div className="ob-page-title">
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ kind: 'cadres' })} aria-label="返回干部列表" />
        <h2 data-testid="cadre-title">{cadre.name}</h2>
        <Tag color="red">{cadre.postType}</Tag>
        <span className="ob-muted">
          {current
            ? placeLabel(current.countyName, current.townshipName, current.villageName)
            : latest
              ? `${placeLabel(latest.countyName, latest.townshipName, latest.villageName)}（任职已于 ${dateLabel(latest.end ?? '')} 结束）`
              : '未安排任职'}
        </span>
        <div style={{ flex: 1 }} />
        <Space wrap>
          <ReadOnlyHint readOnly={readOnly}>
            <Button icon={<EditOutlined />} onClick={() => setEditOpen(true)}>
              编辑
            </Button>
          </ReadOnlyHint>
          <ReadOnlyHint readOnly={readOnly}>
            <Button icon={<SwapOutlined />} onClick={() => setMoveOpen(true)}>
              调动
            </Button>
          </ReadOnlyHint>
          <ReadOnlyHint readOnly={readOnly}>
            <Button danger icon={<DeleteOutlined />} onClick={settle(confirmDelete)}>
              删除
            </Button>
          </ReadOnlyHint>
        </Space>
      </div>
      <Tabs
        className="ob-detail-tabs"
        activeKey={tab}
        onChange={(k) => navigate({ kind: 'cadre', id, tab: k as 'info' | 'bag' })}
        items={[
          {
            key: 'info',
            label: '基本信息',
            children: (
              <div className="ob-scroll-pane">
                <CadreInfo cadre={cadre} />
              </div>
            ),
          },
          {
            key: 'bag',
            label: '资料袋',
            children: <BagView cadreId={cadre.id} cadreName={cadre.name} responsible={responsibleOf(cadre)} readOnly={readOnly} />,
          },
        ]}
      />
      <CadreForm
        open={editOpen && !readOnly}
        cadre={cadre}
        onClose={() => setEditOpen(false)}
        onSaved={(c) => {
          setEditOpen(false);
          saved(c, '已保存');
        }}
      />
      <PostingDialog
        cadre={cadre}
        open={moveOpen && !readOnly}
        onClose={() => setMoveOpen(false)}
        onSaved={(c) => {
          setMoveOpen(false);
          saved(c, '调动已记录');
        }}
      />
    </>
  );
}
