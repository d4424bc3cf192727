/**
 * 差异化考核: the indicator set of one scored component for each post type. A post type with
 * no set is scored on the component as a whole. Points must add up to the component's full marks.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, InputNumber, Segmented, Select, Typography } from 'antd';
import { useState } from 'react';
import { POST_TYPES, type PostType } from '../../../shared/domain';
import type { Indicator, SchemeComponent } from '../../../shared/evaluation';
import { POST_SHORT } from '../common/postShort';

function freshKey(list: Indicator[]): string {
  for (let n = list.length + 1; ; n++) if (!list.some((x) => x.key === `i${n}`)) return `i${n}`;
}

export function IndicatorsEditor({
  components,
  readOnly,
  onChange,
}: {
  components: SchemeComponent[];
  readOnly: boolean;
  onChange: (next: SchemeComponent[]) => void;
}) {
  const scored = components.filter((c) => c.source === 'score');
  const [compKey, setCompKey] = useState<string | undefined>(
    scored.find((c) => Object.keys(c.indicators).length > 0)?.key ?? scored[0]?.key,
  );
  const [post, setPost] = useState<PostType>('村党组织第一书记');
  const comp = scored.find((c) => c.key === compKey) ?? scored[0];
  if (!comp) return <Typography.Text type="secondary">没有按分数录入的考核项目。</Typography.Text>;

  const list = comp.indicators[post] ?? [];
  const sum = list.reduce((s, x) => s + (x.points || 0), 0);
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
  const setItem = (i: number, patch: Partial<Indicator>) => setList(list.map((x, j) => (j === i ? { ...x, ...patch } : x)));

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
                <td>
                  <Input
                    value={x.label}
                    disabled={readOnly}
                    maxLength={30}
                    status={x.label.trim() ? undefined : 'error'}
                    onChange={(e) => setItem(i, { label: e.target.value })}
                    aria-label={`指标${i + 1}名称`}
                  />
                </td>
                <td>
                  <InputNumber
                    value={x.points}
                    min={1}
                    max={1000}
                    precision={0}
                    disabled={readOnly}
                    style={{ width: 96 }}
                    status={sum !== comp.scale ? 'error' : undefined}
                    onChange={(v) => setItem(i, { points: v ?? 0 })}
                    aria-label={`${x.label}分值`}
                  />
                </td>
                <td>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    disabled={readOnly}
                    onClick={() => setList(list.filter((_, j) => j !== i))}
                    aria-label={`删除${x.label}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div style={{ display: 'flex', gap: 12, alignItems: 'center', marginTop: 6 }}>
        <Button
          size="small"
          icon={<PlusOutlined />}
          disabled={readOnly || list.length >= 30}
          onClick={() => setList([...list, { key: freshKey(list), label: '新指标', points: 10 }])}
        >
          添加指标
        </Button>
        {list.length > 0 &&
          (sum === comp.scale ? (
            <Typography.Text type="secondary">分值合计 {sum} 分</Typography.Text>
          ) : (
            <Typography.Text type="danger">
              指标分值之和应等于满分{comp.scale}分，现为{sum}分
            </Typography.Text>
          ))}
      </div>
    </div>
  );
}
