import {
  AuditOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  PrinterOutlined,
  SwapOutlined,
  TeamOutlined,
  FormOutlined,
} from '@ant-design/icons';
import { Menu, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useAppState } from '../app/AppState';

const later = (label: string): ReactNode => (
  <Tooltip title="后续版本提供" placement="right">
    <span style={{ display: 'inline-block', width: '100%' }}>{label}</span>
  </Tooltip>
);

/** Left navigation: the screens of this version, and the places of features to come. */
export function NavMenu() {
  const { view, navigate } = useAppState();
  const selected = view.kind === 'bag' || (view.kind === 'cadre' && view.tab === 'bag') ? 'bag' : 'cadres';
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      style={{ borderInlineEnd: 'none', paddingTop: 6 }}
      onClick={({ key }) => {
        if (key === 'cadres') navigate({ kind: 'cadres' });
        if (key === 'bag') navigate({ kind: 'bag', cadreId: view.kind === 'cadre' ? view.id : null });
      }}
      items={[
        { key: 'cadres', icon: <TeamOutlined />, label: '干部' },
        { key: 'bag', icon: <FolderOpenOutlined />, label: '资料袋' },
        { type: 'divider' },
        { key: 'attendance', icon: <CalendarOutlined />, label: later('考勤'), disabled: true },
        { key: 'worklog', icon: <FormOutlined />, label: later('工作记录'), disabled: true },
        { key: 'evaluation', icon: <AuditOutlined />, label: later('考核评价'), disabled: true },
        { key: 'print', icon: <PrinterOutlined />, label: later('档案打印'), disabled: true },
        { key: 'exchange', icon: <SwapOutlined />, label: later('数据交换'), disabled: true },
      ]}
    />
  );
}
