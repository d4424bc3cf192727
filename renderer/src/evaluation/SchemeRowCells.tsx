/** The parts of a scheme row list (考核项目, 指标): each row's name, number and delete cells, and the add bar below. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Typography } from 'antd';
import type { SchemeComponent } from '../../../shared/evaluation';

/** What the two editors of the scheme's 考核项目 (weights; indicators) are given. */
export interface SchemeComponentsProps {
  components: SchemeComponent[];
  readOnly: boolean;
  onChange: (next: SchemeComponent[]) => void;
}

/** The row's name: up to 30 characters, red while blank. */
export function RowNameCell({
  value,
  readOnly,
  label,
  onChange,
}: {
  value: string;
  readOnly: boolean;
  label: string;
  onChange: (next: string) => void;
}) {
  return (
    <td>
      <Input
        value={value}
        disabled={readOnly}
        maxLength={30}
        status={value.trim() ? undefined : 'error'}
        onChange={(e) => onChange(e.target.value)}
        aria-label={label}
      />
    </td>
  );
}

export function RowDeleteCell({ disabled, label, onClick }: { disabled: boolean; label: string; onClick: () => void }) {
  return (
    <td>
      <Button type="text" danger icon={<DeleteOutlined />} disabled={disabled} onClick={onClick} aria-label={label} />
    </td>
  );
}

/** A whole number on the row (weight, full marks, points); `invalid` shows it red. */
export function RowNumberCell({
  value,
  min,
  max,
  width,
  readOnly,
  invalid = false,
  label,
  onChange,
}: {
  value: number;
  min: number;
  max: number;
  width: number;
  readOnly: boolean;
  invalid?: boolean;
  label: string;
  onChange: (next: number | null) => void;
}) {
  return (
    <td>
      <InputNumber
        value={value}
        min={min}
        max={max}
        precision={0}
        disabled={readOnly}
        style={{ width }}
        status={invalid ? 'error' : undefined}
        onChange={onChange}
        aria-label={label}
      />
    </td>
  );
}

/** Below a row list: 添加… (off when read-only or the list is full) and how its sum stands (red when wrong). */
export function AddRowBar({
  label,
  disabled,
  onAdd,
  sum,
  testId,
}: {
  label: string;
  disabled: boolean;
  onAdd: () => void;
  /** No sum line when null. */
  sum: { ok: boolean; text: string } | null;
  testId?: string;
}) {
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 6 }}>
      <Button size="small" icon={<PlusOutlined />} disabled={disabled} onClick={onAdd}>
        {label}
      </Button>
      {sum && (
        <Typography.Text type={sum.ok ? 'secondary' : 'danger'} data-testid={testId}>
          {sum.text}
        </Typography.Text>
      )}
    </div>
  );
}
