/**
 * 评审意见 for one cadre: written by the evaluator on an imported county (review mode), saved to
 * eval_comments; shown read-only at the county once the evaluator's review bundle is imported.
 */
import { Button, Card, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { EvalComment } from '../../../shared/api/exchange';
import { call } from '../api/client';
import { useNotify } from '../util/notify';
import { timeLabel } from '../../../shared/dates';
import { settle } from '../util/settle';

/** Who wrote it and when, under the comment. */
const signature = (c: EvalComment) => `${c.author ?? ''} ${timeLabel(c.updatedAt)}`;

/** The county's view of an imported comment: nothing to edit, the evaluator's words as sent. */
export function CommentView({ comment, name }: { comment: EvalComment; name: string }) {
  return (
    <Card
      size="small"
      title={`评审意见：${name}`}
      extra={<Typography.Text type="secondary">评审单位填写，只读</Typography.Text>}
      style={{ width: 300, flex: 'none' }}
      data-testid="comment-box"
    >
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 8 }} data-testid="comment-text">
        {comment.comment}
      </Typography.Paragraph>
      <Typography.Text type="secondary">{signature(comment)}</Typography.Text>
    </Card>
  );
}

export function CommentBox(props: { countyId: number; year: number; cadreId: number; name: string }) {
  const { countyId, year, cadreId } = props;
  const [saved, setSaved] = useState<EvalComment | null>(null);
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const { notifyError, success } = useNotify();

  useEffect(() => {
    let live = true;
    call('exchange.comments.list', { countyId, year }).then(
      (list) => {
        if (!live) return;
        const mine = list.find((c) => c.cadreId === cadreId) ?? null;
        setSaved(mine);
        setText(mine?.comment ?? '');
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [countyId, year, cadreId]);

  const save = async () => {
    setSaving(true);
    try {
      const r = await call('exchange.comments.set', { countyId, year, cadreId, comment: text });
      setSaved(r);
      success(r ? '评审意见已保存' : '评审意见已删除');
    } catch (err) {
      notifyError(err, '评审意见未保存');
    } finally {
      setSaving(false);
    }
  };

  const dirty = text.trim() !== (saved?.comment ?? '');
  return (
    <Card size="small" title={`评审意见：${props.name}`} style={{ width: 300, flex: 'none' }} data-testid="comment-box">
      <Input.TextArea
        rows={6}
        value={text}
        maxLength={2000}
        onChange={(e) => setText(e.target.value)}
        aria-label="评审意见"
        placeholder="填写对该干部的评审意见，随评分一并发回县委组织部"
      />
      <div style={{ marginTop: 8, display: 'flex', alignItems: 'center', gap: 8 }}>
        <Button type="primary" size="small" disabled={!dirty} loading={saving} onClick={settle(save)} data-testid="comment-save">
          保存意见
        </Button>
        {saved && <Typography.Text type="secondary">{signature(saved)}</Typography.Text>}
      </div>
    </Card>
  );
}
