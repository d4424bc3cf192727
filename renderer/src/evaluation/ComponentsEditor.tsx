/** 考核项目 and their weights: one row each, the weight sum checked as the clerk types. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Select, Typography } from 'antd';
import type { SchemeComponent } from '../../../shared/evaluation';

const SOURCE_OPTIONS = [
  { value: 'score', label: '按分数录入' },
  { value: 'ballots', label: '按票数计分（满意/基本满意/不满意）' },
];

/** A key no other component uses (scores are stored against it, so it never changes later). */
function freshKey(list: SchemeComponent[]): string {
  for (let n = list.length + 1; ; n++) if (!list.some((c) => c.key === `c${n}`)) return `c${n}`;
}

export function ComponentsEditor({
  components,
  readOnly,
  onChange,
}: {
  components: SchemeComponent[];
  readOnly: boolean;
  onChange: (next: SchemeComponent[]) => void;
}) {
  const sum = components.reduce((s, c) => s + (c.weight || 0), 0);
  const set = (i: number, patch: Partial<SchemeComponent>) => onChange(components.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  return (
    <div>
      <table className="ob-eval-form-table" data-testid="scheme-components">
        <thead>
          <tr>
            <th>考核项目</th>
            <th style={{ width: 110 }}>权重（%）</th>
            <th style={{ width: 100 }}>满分</th>
            <th style={{ width: 270 }}>评分方式</th>
            <th style={{ width: 44 }} />
          </tr>
        </thead>
        <tbody>
          {components.map((c, i) => (
            <tr key={c.key}>
              <td>
                <Input
                  value={c.label}
                  disabled={readOnly}
                  maxLength={30}
                  status={c.label.trim() ? undefined : 'error'}
                  onChange={(e) => set(i, { label: e.target.value })}
                  aria-label={`第${i + 1}项名称`}
                />
              </td>
              <td>
                <InputNumber
                  value={c.weight}
                  min={0}
                  max={100}
                  precision={0}
                  disabled={readOnly}
                  style={{ width: 96 }}
                  status={sum !== 100 ? 'error' : undefined}
                  onChange={(v) => set(i, { weight: v ?? 0 })}
                  aria-label={`${c.label}权重`}
                />
              </td>
              <td>
                <InputNumber
                  value={c.scale}
                  min={1}
                  max={1000}
                  precision={0}
                  disabled={readOnly}
                  style={{ width: 86 }}
                  onChange={(v) => set(i, { scale: v ?? 100 })}
                  aria-label={`${c.label}满分`}
                />
              </td>
              <td>
                <Select
                  value={c.source}
                  disabled={readOnly}
                  style={{ width: 260 }}
                  options={SOURCE_OPTIONS}
                  onChange={(v) => set(i, { source: v, indicators: v === 'ballots' ? {} : c.indicators })}
                  aria-label={`${c.label}评分方式`}
                />
              </td>
              <td>
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  disabled={readOnly || components.length <= 1}
                  onClick={() => onChange(components.filter((_, j) => j !== i))}
                  aria-label={`删除${c.label}`}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ display: 'flex', alignItems: 'center', gap: 12, marginTop: 6 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={readOnly || components.length >= 10}
          onClick={() =>
            onChange([
              ...components,
              { key: freshKey(components), label: '新考核项目', weight: 0, scale: 100, source: 'score', indicators: {} },
            ])
          }
        >
          添加考核项目
        </Button>
        {sum === 100 ? (
          <Typography.Text type="secondary" data-testid="weight-sum">
            权重合计 100%
          </Typography.Text>
        ) : (
          <Typography.Text type="danger" data-testid="weight-sum">
            权重合计应为100%，现为{sum}%
          </Typography.Text>
        )}
      </div>
    </div>
  );
}
