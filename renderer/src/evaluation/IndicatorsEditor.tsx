/**
 * 差异化考核: the indicator set of one scored component for each post type. A post type with
 * no set is scored on the component as a whole. Points must add up to the component's full marks.
 */
import { Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { POST_TYPES, type PostType } from '../../../shared/domain';
import type { Indicator } from '../../../shared/evaluation';
import { POST_SHORT } from '../common/postShort';
import { AddRowBar, RowDeleteCell, RowNameCell, RowNumberCell, type SchemeComponentsProps } from './SchemeRowCells';
import { freshKey, patchAt, removeAt, sumOf } from './schemeRows';

export function IndicatorsEditor({ components, readOnly, onChange }: SchemeComponentsProps) {
  const scored = components.filter((c) => c.source === 'score');
  const [compKey, setCompKey] = useState<string | undefined>(
    scored.find((c) => Object.keys(c.indicators).length > 0)?.key ?? scored[0]?.key,
  );
  const [post, setPost] = useState<PostType>('村党组织第一书记');
  const comp = scored.find((c) => c.key === compKey) ?? scored[0];
  if (!comp) return <Typography.Text type="secondary">没有按分数录入的考核项目。</Typography.Text>;

  const list = comp.indicators[post] ?? [];
  const sum = sumOf(list, (x) => x.points);
  const setList = (next: Indicator[]) =>
    onChange(
      components.map((c) => {
        if (c.key !== comp.key) return c;
        const indicators = { ...c.indicators };
        if (next.length) indicators[post] = next;
        else delete indicators[post];
        return { ...c, indicators };
      }),
    );
  const setItem = (i: number, patch: Partial<Indicator>) => setList(patchAt(list, i, patch));

  return (
    <div data-testid="scheme-indicators">
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', flexWrap: 'wrap', marginBottom: 6 }}>
        <Select
          value={comp.key}
          onChange={setCompKey}
          options={scored.map((c) => ({ value: c.key, label: c.label }))}
          style={{ width: 180 }}
          aria-label="考核项目"
        />
        <Segmented
          value={post}
          onChange={(v) => setPost(v as PostType)}
          options={POST_TYPES.map((p) => ({ value: p, label: `${POST_SHORT[p]}（${comp.indicators[p]?.length ?? 0}项）` }))}
        />
      </div>
      {list.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
          {post}在“{comp.label}”中不分指标，按满分{comp.scale}分整体打分。
        </Typography.Paragraph>
      ) : (
        <table className="ob-eval-form-table">
          <thead>
            <tr>
              <th>指标</th>
              <th style={{ width: 110 }}>分值</th>
              <th style={{ width: 44 }} />
            </tr>
          </thead>
          <tbody>
            {list.map((x, i) => (
              <tr key={x.key}>
                <RowNameCell value={x.label} readOnly={readOnly} label={`指标${i + 1}名称`} onChange={(label) => setItem(i, { label })} />
                <RowNumberCell
                  value={x.points}
                  min={1}
                  max={1000}
                  width={96}
                  readOnly={readOnly}
                  invalid={sum !== comp.scale}
                  label={`${x.label}分值`}
                  onChange={(v) => setItem(i, { points: v ?? 0 })}
                />
                <RowDeleteCell disabled={readOnly} label={`删除${x.label}`} onClick={() => setList(removeAt(list, i))} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddRowBar
        label="添加指标"
        disabled={readOnly || list.length >= 30}
        onAdd={() => setList([...list, { key: freshKey(list, 'i'), label: '新指标', points: 10 }])}
        sum={
          list.length === 0
            ? null
            : {
                ok: sum === comp.scale,
                text: sum === comp.scale ? `分值合计 ${sum} 分` : `指标分值之和应等于满分${comp.scale}分，现为${sum}分`,
              }
        }
      />
    </div>
  );
}
