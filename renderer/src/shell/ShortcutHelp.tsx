import { QuestionCircleOutlined } from '@ant-design/icons';
import { Button, Popover } from 'antd';

export const SHORTCUTS: Array<[string, string]> = [
  ['Ctrl + K', '全局搜索（干部、材料）'],
  ['Ctrl + N', '新增干部'],
  ['Ctrl + I', '导入花名册'],
  ['Ctrl + O', '向当前资料袋添加材料'],
  ['Esc', '关闭对话框'],
];

/** The "?" popover listing keyboard shortcuts. */
export function ShortcutHelp() {
  const content = (
    <table style={{ borderSpacing: '8px 6px' }}>
      <tbody>
        {SHORTCUTS.map(([k, d]) => (
          <tr key={k}>
            <td>
              {k.split(' + ').map((part, i) => (
                <span key={part}>
                  {i > 0 && ' + '}
                  <kbd className="ob-kbd">{part}</kbd>
                </span>
              ))}
            </td>
            <td>{d}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <Popover title="快捷键" content={content} trigger="click" placement="bottomRight">
      <Button type="text" icon={<QuestionCircleOutlined />} style={{ color: '#fff' }} aria-label="快捷键">
        快捷键
      </Button>
    </Popover>
  );
}
