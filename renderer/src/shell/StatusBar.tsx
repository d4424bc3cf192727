import { FolderOutlined, UserOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useAppState } from '../app/AppState';

/** Bottom bar: where the data lives, who is working, how much is filed. */
export function StatusBar() {
  const { status } = useAppState();
  if (!status) return <div className="ob-statusbar" />;
  return (
    <div className="ob-statusbar" data-testid="status-bar">
      <Tooltip title={status.dataDir}>
        <span className="ob-status-dir">
          <FolderOutlined /> 数据目录：{status.dataDir}
        </span>
      </Tooltip>
      <span>
        <UserOutlined /> 操作员：{status.operator ?? '未设置'}
      </span>
      <span data-testid="status-counts">
        干部 {status.cadreCount} 人 · 材料 {status.materialCount} 件
      </span>
    </div>
  );
}
