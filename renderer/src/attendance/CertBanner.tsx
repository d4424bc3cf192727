/** Above the grid: the certification (locked) or how to certify, with undo/redo and help. */
import { LockOutlined, RedoOutlined, SafetyCertificateOutlined, UndoOutlined, UnlockOutlined } from '@ant-design/icons';
import { Button, Popover, Space } from 'antd';
import { ATTENDANCE_CODE_INFO, ATTENDANCE_CODES } from '../../../shared/attendance';
import type { MonthGridView } from '../../../shared/api/attendance';
import { READ_ONLY_HINT, ReadOnlyHint } from '../common/useReadOnly';
import { DAY_MARKS } from '../../../shared/attendanceMarks';
import { COLOURS } from './gridModel';
import { dateLabel } from '../../../shared/dates';

const HELP: Array<[string, string]> = [
  ['单击 / 拖动 / Shift+单击', '选择格子（可跨多天、多人）'],
  ['方向键（Shift+方向键）', '移动（扩展）选择'],
  ['字母键', '把所选格子设为该状态（全天）'],
  ['Alt + 字母', '只设上午'],
  ['Alt + Shift + 字母', '只设下午'],
  ['Delete / 空格', '恢复为在岗'],
  ['右键', '菜单：选择状态及全天 / 上午 / 下午'],
  ['Ctrl + V', '粘贴 Excel 中复制的一行或多行（字母或中文）'],
  ['Ctrl + Z / Ctrl + Y', '撤销 / 重做'],
];

export function GridHelp() {
  return (
    <Popover
      title="考勤表操作"
      trigger="click"
      content={
        <table style={{ borderSpacing: '8px 4px' }} data-testid="grid-help">
          <tbody>
            {HELP.map(([k, d]) => (
              <tr key={k}>
                <td>
                  <kbd className="ob-kbd">{k}</kbd>
                </td>
                <td>{d}</td>
              </tr>
            ))}
            {ATTENDANCE_CODES.filter((c) => c !== '未到任').map((c) => (
              <tr key={c}>
                <td>
                  <kbd className="ob-kbd">{ATTENDANCE_CODE_INFO[c].key}</kbd>
                </td>
                <td>{ATTENDANCE_CODE_INFO[c].description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <Button size="small">操作说明</Button>
    </Popover>
  );
}

export function Legend() {
  return (
    <div className="ob-att-legend">
      {ATTENDANCE_CODES.map((c) => (
        <span key={c}>
          <span
            className="ob-att-code"
            style={{
              color: COLOURS[c].fg,
              background: COLOURS[c].bg,
              minWidth: 16,
              textAlign: 'center',
              outline: c === '未到任' ? '1px solid #d1d5db' : undefined,
            }}
          >
            {DAY_MARKS[c] || ' '}
          </span>
          {c}
          {c !== '未到任' && <span className="ob-muted">（{ATTENDANCE_CODE_INFO[c].key}）</span>}
        </span>
      ))}
      <span>
        <span className="ob-att-code" style={{ color: '#6b7280', minWidth: 16, textAlign: 'center' }}>
          休
        </span>
        休息日，不计入在岗天数（县里设定休息日不计时）
      </span>
    </div>
  );
}

export function CertBanner({
  grid,
  readOnly = false,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  onCertify,
  onRevoke,
  onShowScan,
}: {
  grid: MonthGridView;
  /** Review copy: shows the certification, offers no change. */
  readOnly?: boolean;
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
  onCertify: () => void;
  onRevoke: () => void;
  onShowScan: () => void;
}) {
  const c = grid.certification;
  return (
    <div className={`ob-att-banner${c ? ' locked' : ''}`} data-testid="cert-banner">
      {c ? (
        <>
          <LockOutlined />
          <span>
            已认定并锁定：认定人 <b>{c.secretaryName}</b>（乡镇党委书记），日期 <b>{dateLabel(c.certifiedOn)}</b>，已盖章
          </span>
          <Button type="link" size="small" onClick={onShowScan} data-testid="show-scan">
            查看扫描件
          </Button>
          <div style={{ flex: 1 }} />
          <ReadOnlyHint readOnly={readOnly}>
            <Button size="small" danger icon={<UnlockOutlined />} onClick={onRevoke}>
              撤销认定
            </Button>
          </ReadOnlyHint>
        </>
      ) : readOnly ? (
        <>
          <span className="ob-muted" data-testid="att-readonly">
            {READ_ONLY_HINT}：可查看和打印本月考勤，不能修改或认定。
          </span>
          <div style={{ flex: 1 }} />
        </>
      ) : (
        <>
          <span className="ob-muted">
            {grid.complete ? '未认定：默认全部在岗，只需标出纸质考勤表上的例外，然后认定。' : '本月尚未结束，可先登记已知的请假和例外。'}
          </span>
          <div style={{ flex: 1 }} />
          <Button size="small" icon={<UndoOutlined />} disabled={!canUndo} onClick={onUndo} aria-label="撤销修改">
            撤销
          </Button>
          <Button size="small" icon={<RedoOutlined />} disabled={!canRedo} onClick={onRedo} aria-label="重做修改">
            重做
          </Button>
          <Button
            size="small"
            type="primary"
            icon={<SafetyCertificateOutlined />}
            onClick={onCertify}
            disabled={!grid.complete}
            title={grid.complete ? undefined : '月份结束后才能认定'}
          >
            认定本月考勤
          </Button>
        </>
      )}
      <Space size={4}>
        <GridHelp />
      </Space>
    </div>
  );
}
