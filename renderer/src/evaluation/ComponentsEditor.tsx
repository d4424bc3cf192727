/** 考核项目 and their weights: one row each, the weight sum checked as the clerk types. */
import { Select } from 'antd';
import type { SchemeComponent } from '../../../shared/evaluation';
import { AddRowBar, RowDeleteCell, RowNameCell, RowNumberCell, type SchemeComponentsProps } from './SchemeRowCells';
import { freshKey, patchAt, removeAt, sumOf } from './schemeRows';

const SOURCE_OPTIONS = [
  { value: 'score', label: '按分数录入' },
  { value: 'ballots', label: '按票数计分（满意/基本满意/不满意）' },
];

export function ComponentsEditor({ components, readOnly, onChange }: SchemeComponentsProps) {
  const sum = sumOf(components, (c) => c.weight);
  const set = (i: number, patch: Partial<SchemeComponent>) => onChange(patchAt(components, i, patch));

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
              <RowNameCell value={c.label} readOnly={readOnly} label={`第${i + 1}项名称`} onChange={(label) => set(i, { label })} />
              <RowNumberCell
                value={c.weight}
                min={0}
                max={100}
                width={96}
                readOnly={readOnly}
                invalid={sum !== 100}
                label={`${c.label}权重`}
                onChange={(v) => set(i, { weight: v ?? 0 })}
              />
              <RowNumberCell
                value={c.scale}
                min={1}
                max={1000}
                width={86}
                readOnly={readOnly}
                label={`${c.label}满分`}
                onChange={(v) => set(i, { scale: v ?? 100 })}
              />
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
              <RowDeleteCell
                disabled={readOnly || components.length <= 1}
                label={`删除${c.label}`}
                onClick={() => onChange(removeAt(components, i))}
              />
            </tr>
          ))}
        </tbody>
      </table>
      <AddRowBar
        label="添加考核项目"
        disabled={readOnly || components.length >= 10}
        onAdd={() =>
          onChange([
            ...components,
            { key: freshKey(components, 'c'), label: '新考核项目', weight: 0, scale: 100, source: 'score', indicators: {} },
          ])
        }
        sum={{ ok: sum === 100, text: sum === 100 ? '权重合计 100%' : `权重合计应为100%，现为${sum}%` }}
        testId="weight-sum"
      />
    </div>
  );
}
