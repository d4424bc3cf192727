import { CloudUploadOutlined, SaveOutlined, UsbOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupEntry, type BackupNowResult } from '../../../shared/api/integrity';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { useNotify } from '../util/notify';
import { backupAgeText, backupOverdue } from './backupAge';
import { timeLabel } from '../../../shared/dates';
import { formatSize } from '../../../shared/fileSize';
import { settle } from '../util/settle';
import { SaveDialog } from '../common/SaveDialog';

const INTERVALS = [
  { value: 0, label: '关闭定时备份' },
  { value: 6, label: '每6小时' },
  { value: 12, label: '每12小时' },
  { value: 24, label: '每天' },
  { value: 72, label: '每3天' },
  { value: 168, label: '每周' },
];

/** A full path on Windows (D:\…, \\server\…) or elsewhere (/…). */
const ABSOLUTE = /^([A-Za-z]:[\\/]|\\\\|\/)/;

const REASON_COLOR: Record<BackupEntry['reason'], string> = { schedule: 'blue', migration: 'purple', import: 'gold', manual: 'green' };

/** Backups in <data>/backups, 立即备份, 备份到其他文件夹, and the interval of scheduled backups. */
export function BackupsPanel({ onPreview }: { onPreview: (dir: string) => void }) {
  const overview = useCall('integrity.backups', {}, 'backups');
  const { refresh } = useAppState();
  const { notifyError, success } = useNotify();
  const [busy, setBusy] = useState<'local' | 'external' | null>(null);
  const [externalOpen, setExternalOpen] = useState(false);
  const [form] = Form.useForm<{ outDir: string }>();
  const o = overview.data;

  const done = (r: BackupNowResult, where: string) => {
    success(
      `备份完成：${where}（新复制原件 ${r.copiedBlobs} 个${r.linkedBlobs ? `，硬链接原件 ${r.linkedBlobs} 个（未占用新空间）` : ''}，${r.reusedBlobs} 个已备份过未重复复制）`,
    );
    if (r.missingBlobs > 0) notifyError(new Error(`有 ${r.missingBlobs} 个原件缺失或损坏，未能备份；请先运行检查`), '备份不完整');
    overview.reload();
    void refresh();
  };
  const backupLocal = async () => {
    setBusy('local');
    try {
      done(await call('integrity.backupNow', {}), '数据目录的 backups 文件夹');
    } catch (err) {
      notifyError(err, '备份未完成');
    } finally {
      setBusy(null);
    }
  };
  const backupExternal = async () => {
    const { outDir } = await form.validateFields();
    setBusy('external');
    try {
      const r = await call('integrity.backupNow', { outDir: outDir.trim() });
      setExternalOpen(false);
      done(r, r.entry.dir);
    } catch (err) {
      notifyError(err, '备份未完成');
    } finally {
      setBusy(null);
    }
  };
  const setInterval = async (backupIntervalHours: number) => {
    try {
      await call('integrity.settings.set', { backupIntervalHours });
      success(backupIntervalHours === 0 ? '已关闭定时备份' : '已保存备份间隔');
      overview.reload();
      void refresh();
    } catch (err) {
      notifyError(err, '未能保存');
    }
  };

  const intervalOptions =
    o && !INTERVALS.some((i) => i.value === o.intervalHours)
      ? [...INTERVALS, { value: o.intervalHours, label: `每${o.intervalHours}小时` }]
      : INTERVALS;
  return (
    <Card size="small" title="备份" data-testid="backups-panel">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space wrap>
          <Button type="primary" icon={<SaveOutlined />} loading={busy === 'local'} onClick={settle(backupLocal)}>
            立即备份
          </Button>
          <Button icon={<UsbOutlined />} loading={busy === 'external'} onClick={() => setExternalOpen(true)}>
            备份到其他文件夹…
          </Button>
          <span>定时备份</span>
          <Select
            style={{ width: 150 }}
            value={o?.intervalHours}
            options={intervalOptions}
            onChange={settle(setInterval)}
            aria-label="备份间隔"
            data-testid="backup-interval"
          />
          {o && (
            <Typography.Text type={backupOverdue(o.lastBackupAt, o.intervalHours) ? 'danger' : 'secondary'} data-testid="backups-last">
              上次备份：{backupAgeText(o.lastBackupAt)}
            </Typography.Text>
          )}
        </Space>
        {o?.lastError && <Alert type="error" showIcon title={`最近一次自动备份失败：${o.lastError}`} />}
        <Alert
          type="info"
          showIcon
          title="数据目录内的备份用于撤销错误的导入、升级和误操作，但与数据在同一块磁盘上，磁盘损坏时会一起丢失。请定期用“备份到其他文件夹…”备份到U盘或另一块磁盘。"
          description={
            o ? `备份位置：${o.dir}。每种原因各保留最近 ${o.keepPerReason} 份；原件以硬链接保存，不额外占用磁盘空间。` : undefined
          }
        />
        {overview.error && <Alert type="error" showIcon title={overview.error} />}
        <Table<BackupEntry>
          size="small"
          rowKey="dir"
          loading={overview.loading}
          dataSource={o?.backups ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有备份' }}
          data-testid="backups-table"
          columns={[
            { title: '备份时间', dataIndex: 'createdAt', width: 170, render: (v: string) => timeLabel(v) },
            {
              title: '原因',
              dataIndex: 'reason',
              width: 80,
              render: (r: BackupEntry['reason']) => <Tag color={REASON_COLOR[r]}>{BACKUP_REASON_LABELS[r]}</Tag>,
            },
            { title: '干部', dataIndex: 'cadres', width: 70, align: 'right' },
            { title: '材料', dataIndex: 'materials', width: 70, align: 'right' },
            { title: '原件', dataIndex: 'blobs', width: 70, align: 'right' },
            { title: '大小', dataIndex: 'size', width: 90, align: 'right', render: (n: number) => formatSize(n) },
            {
              title: '操作',
              key: 'op',
              width: 100,
              render: (_: unknown, b) => (
                <Button size="small" type="link" icon={<CloudUploadOutlined />} onClick={() => onPreview(b.dir)}>
                  恢复预览
                </Button>
              ),
            },
          ]}
        />
      </Space>
      <SaveDialog
        title="备份到其他文件夹"
        open={externalOpen}
        okText="开始备份"
        saving={busy === 'external'}
        // The form shows its own field messages when the folder is missing or not a full path.
        onSave={() => backupExternal().catch(() => undefined)}
        onClose={() => setExternalOpen(false)}
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item
            name="outDir"
            label="备份文件夹（U盘或另一块磁盘上的完整路径）"
            rules={[
              { required: true, whitespace: true, message: '请填写文件夹路径' },
              { pattern: ABSOLUTE, message: '请填写完整路径，例如 E:\\OneBag备份 或 /media/U盘/OneBag备份' },
            ]}
            extra="原件只复制该文件夹中还没有的部分；同一U盘可反复备份，每次保存为一个带日期的子文件夹。"
          >
            <Input placeholder="例如 E:\OneBag备份" aria-label="备份文件夹" autoFocus />
          </Form.Item>
        </Form>
      </SaveDialog>
    </Card>
  );
}
