import { PlusOutlined, ScanOutlined } from '@ant-design/icons';
import { Alert, App, Badge, Button, Collapse, Empty, Spin } from 'antd';
import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { MATERIAL_CATEGORIES, type Material, type StoredFile } from '../../../shared/domain';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { onCommand } from '../app/commands';
import { ExportExcelButton } from '../common/ExportExcelButton';
import { READ_ONLY_HINT, ReadOnlyHint } from '../common/useReadOnly';
import { useConfirmRemove } from '../common/useConfirmRemove';
import { materialSheet } from './materialSheet';
import { FilePreview } from '../preview/FilePreview';
import { useNotify } from '../util/notify';
import { IntakeDialog } from './IntakeDialog';
import { MaterialEditDialog } from './MaterialEditDialog';
import { MaterialItem } from './MaterialItem';
import { useIntake } from './useIntake';

const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

/**
 * A cadre's bag: materials grouped by category in archive order. Files can be dropped
 * anywhere on it or picked with 添加材料 (Ctrl+O); each goes through the intake table.
 * A review copy (`readOnly`) only lists and previews: no drop, no add, no edit.
 */
export function BagView({
  cadreId,
  cadreName,
  responsible,
  readOnly = false,
}: { cadreId: number; cadreName: string; responsible: string; readOnly?: boolean }) {
  const { dataVersion, refresh } = useAppState();
  const { message } = App.useApp();
  const confirmRemove = useConfirmRemove();
  const { notifyError, success } = useNotify();
  const bag = useCall('bag.list', { cadreId }, `${cadreId}|${dataVersion}`);
  const target = useMemo(() => ({ cadreId, responsible }), [cadreId, responsible]);
  const intake = useIntake(target);
  const [dragging, setDragging] = useState(false);
  const [preview, setPreview] = useState<StoredFile | null>(null);
  const [editing, setEditing] = useState<Material | null>(null);
  const picker = useRef<HTMLInputElement>(null);
  const dragDepth = useRef(0);

  // Ctrl+O on a review copy says why nothing opens (instead of the shell's "open a bag first").
  useEffect(
    () =>
      onCommand('addMaterial', () => {
        if (readOnly)
          void message.info(READ_ONLY_HINT); // the toast's close promise is not needed
        else picker.current?.click();
      }),
    [readOnly, message],
  );

  const groups = useMemo(() => {
    const m = new Map<string, Material[]>(MATERIAL_CATEGORIES.map((c) => [c, []]));
    for (const item of bag.data ?? []) m.get(item.category)?.push(item);
    for (const list of m.values()) list.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id);
    return m;
  }, [bag.data]);
  const total = bag.data?.length ?? 0;

  const remove = (m: Material) =>
    confirmRemove({
      title: `删除材料“${m.title}”？`,
      content: `将从资料袋中移除这件材料及其 ${m.files.length} 个文件的归档登记；原始文件仍保留在档案库中。`,
      okText: '确认删除',
      remove: () => call('bag.remove', { id: m.id }),
      done: '已删除',
      failed: '删除未完成',
      onRemoved: () => void refresh(),
    });

  const onDrop = (e: DragEvent) => {
    if (readOnly || !hasFiles(e)) return;
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    void intake.addFiles(Array.from(e.dataTransfer.files));
  };

  const activeKeys = MATERIAL_CATEGORIES.filter((c) => (groups.get(c)?.length ?? 0) > 0);

  return (
    <div
      className={readOnly ? 'ob-scroll-pane' : `ob-dropzone ob-scroll-pane${dragging ? ' ob-dropzone-active' : ''}`}
      data-testid={readOnly ? 'bag-readonly' : 'bag-dropzone'}
      onDragEnter={(e) => {
        if (readOnly || !hasFiles(e)) return;
        e.preventDefault();
        dragDepth.current++;
        setDragging(true);
      }}
      onDragOver={(e) => {
        if (readOnly || !hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        dragDepth.current = Math.max(0, dragDepth.current - 1);
        if (dragDepth.current === 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginBottom: 10 }}>
        <span style={{ fontWeight: 600 }}>资料袋</span>
        <span className="ob-muted" data-testid="bag-count">
          共 {total} 件材料
        </span>
        <span style={{ flex: 1 }} />
        <Button
          icon={<ScanOutlined />}
          data-testid="bag-ocr-all"
          title="把本资料袋中的扫描件、照片和 PDF 交给后台识别文字，识别后可按原件中的文字检索"
          onClick={() =>
            void call('ocr.queueAll', { cadreId }).then(
              (r) => success(r.queued > 0 ? `已加入识别队列 ${r.queued} 个文件，将在后台逐页识别` : '本资料袋的原件都已识别'),
              notifyError,
            )
          }
        >
          全部识别
        </Button>
        <ExportExcelButton
          fileName={`${cadreName}资料袋目录.xlsx`}
          disabled={total === 0}
          sheets={() => [
            materialSheet(
              `${cadreName}资料袋`,
              MATERIAL_CATEGORIES.flatMap((c) => groups.get(c) ?? []),
            ),
          ]}
        />
        {readOnly ? (
          <ReadOnlyHint readOnly>
            <Button icon={<PlusOutlined />}>添加材料</Button>
          </ReadOnlyHint>
        ) : (
          <>
            <span className="ob-muted" style={{ minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              可把文件直接拖入资料袋，或
            </span>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => picker.current?.click()} title="Ctrl+O">
              添加材料
            </Button>
          </>
        )}
        <input
          ref={picker}
          type="file"
          multiple
          hidden
          disabled={readOnly}
          data-testid="bag-file-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            void intake.addFiles(files);
          }}
        />
      </div>
      {bag.error && <Alert type="error" showIcon title={bag.error} style={{ marginBottom: 10 }} />}
      {bag.loading && !bag.data ? (
        <Spin style={{ display: 'block', margin: 40 }} />
      ) : total === 0 ? (
        <Empty
          style={{ padding: '40px 0', border: '1px dashed #cbd5e1', borderRadius: 6, background: '#fafbfc' }}
          description={
            readOnly ? (
              '资料袋中没有材料。'
            ) : (
              <span>
                资料袋还是空的。把调研报告、会议记录、考勤登记表等扫描件或 Word 文件拖到这里，
                <br />
                系统会按文件名建议类别、题名和日期，确认后归档。
              </span>
            )
          }
        />
      ) : (
        <Collapse
          key={activeKeys.join('|')}
          defaultActiveKey={activeKeys}
          size="small"
          items={MATERIAL_CATEGORIES.map((c) => {
            const list = groups.get(c) ?? [];
            return {
              key: c,
              label: (
                <span>
                  {c} <Badge count={list.length} showZero color={list.length ? '#1d4f91' : '#cbd5e1'} style={{ marginLeft: 6 }} />
                </span>
              ),
              collapsible: list.length ? undefined : 'disabled',
              children: list.map((m) => (
                <MaterialItem
                  key={m.id}
                  material={m}
                  onPreview={setPreview}
                  onEdit={readOnly ? undefined : () => setEditing(m)}
                  onRemove={readOnly ? undefined : () => void remove(m)}
                />
              )),
            };
          })}
        />
      )}
      <IntakeDialog title={`归档到 ${cadreName} 的资料袋`} intake={intake} onFiled={() => void refresh()} />
      <FilePreview file={preview} onClose={() => setPreview(null)} />
      <MaterialEditDialog
        material={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          success('已保存');
          void refresh();
        }}
      />
    </div>
  );
}
