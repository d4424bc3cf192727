import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ChainStatus } from '../../../shared/audit';

/** 完整 / 第N条起被改动: the hash chain's state, with the full message on hover. */
export function ChainBadge({ status, error }: { status: ChainStatus | undefined; error: string | null }) {
  if (error) return <Tag color="default">无法校验</Tag>;
  if (!status) return <Tag>正在校验…</Tag>;
  if (status.ok) {
    return (
      <Tooltip title={`哈希链校验通过，共 ${status.entries} 条`}>
        <Tag color="success" icon={<CheckCircleFilled />} data-testid="audit-chain">
          完整
        </Tag>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={`${status.message}。请运行“检查与备份”或 onebag check 查看处理办法`}>
      <Tag color="error" icon={<WarningFilled />} data-testid="audit-chain">
        第{status.brokenAt}条起被{status.reason === 'deleted' || status.reason === 'tail-removed' ? '删除' : '改动'}
      </Tag>
    </Tooltip>
  );
}
