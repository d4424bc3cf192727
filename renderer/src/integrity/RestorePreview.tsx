import { EyeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { BACKUP_REASON_LABELS, type BackupPreview } from '../../../shared/api/integrity';
import { call, errorMessage } from '../api/client';
import { useAppState } from '../app/AppState';
import { timeLabel } from '../../../shared/dates';
import { formatSize } from '../../../shared/fileSize';

/** The shell command that restores `backupDir` into the new, empty data folder `target`. */
export const restoreCommand = (target: string, backupDir: string) => `onebag --data "${target}" restore "${backupDir}"`;

/**
 * 恢复预览: what a backup holds, every hash verified. Restoring itself is a command-line step
 * into an EMPTY folder — restoring over the data the app has open is unsafe — so the page shows
 * that exact command with a copy button.
 */
/** The preview's state, owned by the page so that the backups table can open a preview directly. */
export function useBackupPreview() {
  const [dir, setDir] = useState('');
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const load = async (d: string) => {
    setDir(d);
    if (!d.trim()) return;
    setLoading(true);
    setError(null);
    setPreview(null);
    try {
      setPreview(await call('integrity.describeBackup', { dir: d.trim() }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setLoading(false);
    }
  };
  return { dir, setDir, preview, error, loading, load };
}

export function RestorePreview({ state }: { state: ReturnType<typeof useBackupPreview> }) {
  const { status } = useAppState();
  const [target, setTarget] = useState(() => (status ? `${status.dataDir}-恢复` : ''));
  const { dir, setDir, preview, error, loading, load } = state;

  const e = preview?.entry;
  return (
    <Card size="small" title="从备份恢复" data-testid="restore-preview">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            value={dir}
            onChange={(ev) => setDir(ev.target.value)}
            onPressEnter={() => void load(dir)}
            placeholder="备份文件夹的完整路径（可在上表点“恢复预览”，或填写U盘上的备份文件夹）"
            aria-label="备份文件夹路径"
          />
          <Button icon={<EyeOutlined />} loading={loading} onClick={() => void load(dir)}>
            预览并校验
          </Button>
        </Space.Compact>
        {loading && <Typography.Text type="secondary">正在校验备份中的每个文件……</Typography.Text>}
        {error && <Alert type="error" showIcon title={error} />}
        {e && preview && (
          <>
            <Descriptions size="small" bordered column={3}>
              <Descriptions.Item label="备份时间">{timeLabel(e.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="原因">{BACKUP_REASON_LABELS[e.reason]}</Descriptions.Item>
              <Descriptions.Item label="数据版本">{e.schemaVersion}</Descriptions.Item>
              <Descriptions.Item label="干部">{e.cadres} 名</Descriptions.Item>
              <Descriptions.Item label="材料">{e.materials} 份</Descriptions.Item>
              <Descriptions.Item label="原件">
                {e.blobs} 个，{formatSize(e.size)}
              </Descriptions.Item>
              <Descriptions.Item label="校验" span={3}>
                {preview.verified ? (
                  <Tag color="green" data-testid="restore-verified">
                    校验通过：数据库与每个原件的 SHA-256 均与清单一致
                  </Tag>
                ) : (
                  <Tag color="red" data-testid="restore-verified">
                    校验未通过
                  </Tag>
                )}
                {e.missingBlobs > 0 && <Tag color="orange">备份时有 {e.missingBlobs} 个原件缺失，未能备份</Tag>}
              </Descriptions.Item>
            </Descriptions>
            {preview.problem && <Alert type="error" showIcon title={preview.problem} />}
            <Alert
              type="warning"
              showIcon
              title="恢复不会覆盖正在使用的数据：请关闭 OneBag，在命令行中把备份恢复到一个新的空文件夹，再用该文件夹作为数据目录启动。"
            />
            <Space wrap>
              <span>恢复到（新的空文件夹）</span>
              <Input style={{ width: 420 }} value={target} onChange={(ev) => setTarget(ev.target.value)} aria-label="恢复到" />
            </Space>
            <Typography.Paragraph
              className="ob-restore-command"
              code
              copyable={{ text: restoreCommand(target, e.dir), tooltips: ['复制命令', '已复制'] }}
              data-testid="restore-command"
            >
              {restoreCommand(target, e.dir)}
            </Typography.Paragraph>
          </>
        )}
      </Space>
    </Card>
  );
}
