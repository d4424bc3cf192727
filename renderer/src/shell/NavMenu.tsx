import {
  AlertOutlined,
  AuditOutlined,
  BarChartOutlined,
  ProjectOutlined,
  FlagOutlined,
  CalendarOutlined,
  FolderOpenOutlined,
  PrinterOutlined,
  SwapOutlined,
  TeamOutlined,
  FormOutlined,
  HistoryOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
} from '@ant-design/icons';
import { Menu } from 'antd';
import { useAppState } from '../app/AppState';

/** Left navigation: every screen of the app. */
export function NavMenu() {
  const { view, navigate } = useAppState();
  // A cadre's detail page (any tab, its bag included) belongs to the cadre list.
  const selected = view.kind === 'cadre' ? 'cadres' : view.kind;
  return (
    <Menu
      mode="inline"
      selectedKeys={[selected]}
      style={{ borderInlineEnd: 'none', paddingTop: 6 }}
      onClick={({ key }) => {
        if (key === 'cadres') navigate({ kind: 'cadres' });
        if (key === 'bag') navigate({ kind: 'bag', cadreId: view.kind === 'cadre' ? view.id : null });
        if (key === 'attendance') navigate({ kind: 'attendance' });
        if (key === 'events') navigate({ kind: 'events' });
        if (key === 'alerts') navigate({ kind: 'alerts' });
        if (key === 'worklog') navigate({ kind: 'worklog', cadreId: view.kind === 'cadre' ? view.id : undefined });
        if (key === 'work') navigate({ kind: 'work' });
        if (key === 'stats') navigate({ kind: 'stats' });
        if (key === 'evaluation') navigate({ kind: 'evaluation' });
        if (key === 'exchange') navigate({ kind: 'exchange' });
        if (key === 'integrity') navigate({ kind: 'integrity' });
        if (key === 'audit') navigate({ kind: 'audit' });
        if (key === 'rules') navigate({ kind: 'rules' });
        if (key === 'print') navigate({ kind: 'print', cadreId: view.kind === 'cadre' ? view.id : undefined });
      }}
      items={[
        { key: 'cadres', icon: <TeamOutlined />, label: '干部' },
        { key: 'bag', icon: <FolderOpenOutlined />, label: '资料袋' },
        { type: 'divider' },
        { key: 'attendance', icon: <CalendarOutlined />, label: '考勤' },
        { key: 'events', icon: <FlagOutlined />, label: '五必到与督查' },
        { key: 'alerts', icon: <AlertOutlined />, label: '预警' },
        { key: 'print', icon: <PrinterOutlined />, label: '档案打印' },
        { type: 'divider' },
        { key: 'worklog', icon: <FormOutlined />, label: '工作记录' },
        { key: 'work', icon: <ProjectOutlined />, label: '项目与帮扶' },
        { key: 'stats', icon: <BarChartOutlined />, label: '统计' },
        { type: 'divider' },
        { key: 'evaluation', icon: <AuditOutlined />, label: '考核评价' },
        { key: 'rules', icon: <SettingOutlined />, label: '规则设置' },
        { key: 'exchange', icon: <SwapOutlined />, label: '数据交换' },
        { key: 'integrity', icon: <SafetyCertificateOutlined />, label: '检查与备份' },
        { key: 'audit', icon: <HistoryOutlined />, label: '审计日志' },
      ]}
    />
  );
}
