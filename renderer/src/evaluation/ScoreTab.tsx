/**
 * 评分: pick a township and a post type (indicator sets differ by post), type the paper
 * sheets into the grid, save in one batch. F2 / Ctrl+E opens the focused cadre's evidence.
 */
import { FileSearchOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Segmented, Select, Spin, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { POST_TYPES, type PostType } from '../../../shared/domain';
import type { EvalComment } from '../../../shared/api/exchange';
import type { GridRow } from '../../../shared/evaluation';
import { call } from '../api/client';
import { useUnsavedGuard } from '../common/useUnsavedGuard';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { withRows } from '../common/gridRows';
import { POST_SHORT } from '../common/postShort';
import { useNotify } from '../util/notify';
import { CommentBox, CommentView } from '../exchange/CommentBox';
import { EvidencePanel } from './EvidencePanel';
import { ScoreGrid } from './ScoreGrid';
import { buildBatch, cellId, draftErrors, entryGroups, storedText, type EntryCol } from './scoreModel';
import { settle } from '../util/settle';

export function ScoreTab({ countyId, year, onSaved }: { countyId: number; year: number; onSaved: () => void }) {
  const { org } = useAppState();
  const { notifyError, success, message } = useNotify();
  const townships = org?.counties.find((c) => c.id === countyId)?.townships ?? [];
  // An imported review copy: the evaluator adds a comment per cadre beside the scores.
  const reviewCopy = !!org?.counties.find((c) => c.id === countyId)?.readOnly;
  const [townshipId, setTownshipId] = useState<number | undefined>(townships[0]?.id);
  const [post, setPost] = useState<PostType | 'all'>();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState({ r: 0, c: 0 });
  const [evidenceOpen, setEvidenceOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  // At the county: the comments an evaluator's imported review bundle brought, read-only.
  const [comments, setComments] = useState<Map<number, EvalComment>>(new Map());

  useEffect(() => {
    if (reviewCopy) return;
    let live = true;
    call('exchange.comments.list', { countyId, year }).then(
      (list) => live && setComments(new Map(list.map((c) => [c.cadreId, c]))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [countyId, year, reviewCopy]);

  const view = useCall(
    'evaluation.scores.grid',
    townshipId === undefined ? null : { countyId, year, townshipId },
    `${countyId}|${year}|${townshipId}`,
  );
  const grid = view.data ?? null;
  const { error, update } = view;

  const posts = useMemo(() => POST_TYPES.filter((p) => grid?.rows.some((r) => r.postType === p)), [grid]);
  // Without differentiated indicators every post has the same columns: one grid for all.
  const same = posts.length > 1 && posts.every((p) => JSON.stringify(grid?.columns[p]) === JSON.stringify(grid?.columns[posts[0]!]));
  const choices: Array<PostType | 'all'> = same ? ['all', ...posts] : posts;
  const activePost = post && choices.includes(post) ? post : choices[0];
  const rows = useMemo(() => (grid?.rows ?? []).filter((r) => activePost === 'all' || r.postType === activePost), [grid, activePost]);
  const groups = useMemo(() => {
    const colsOf = activePost === 'all' ? posts[0] : activePost;
    if (!grid?.scheme || !colsOf) return [];
    const scales = Object.fromEntries(grid.scheme.components.map((c) => [c.key, c.scale]));
    return entryGroups(grid.columns[colsOf] ?? [], scales);
  }, [grid, activePost, posts]);
  const errors = useMemo(() => draftErrors(rows, groups, drafts), [rows, groups, drafts]);
  const errorList = Object.values(errors);
  const dirtyCount = Object.keys(drafts).length;
  const readOnly = !!grid?.finalised;
  useUnsavedGuard(dirtyCount > 0 ? `${dirtyCount} 格分数` : null);
  const focusedRow: GridRow | undefined = rows[focus.r];
  const focusedComment = !reviewCopy && focusedRow ? comments.get(focusedRow.cadreId) : undefined;
  const commented = rows.filter((r) => comments.has(r.cadreId)).length;

  // Typing a cell back to what is stored leaves nothing to save.
  const onDraft = useCallback((row: GridRow, col: EntryCol, text: string) => {
    const id = cellId(row.cadreId, col.id);
    setDrafts((d) => (text === storedText(row, col) ? omit(d, [id]) : { ...d, [id]: text }));
  }, []);

  const save = async () => {
    if (!grid || saving) return;
    const batch = buildBatch(rows, groups, drafts, errors);
    if (batch.cells.length === 0 && batch.ballots.length === 0) {
      setDrafts((d) => omit(d, batch.settled));
      if (batch.refused) void message.warning(`有 ${errorList.length} 处数值不符合要求，已标红，未保存`);
      else void message.info('没有需要保存的修改');
      return;
    }
    setSaving(true);
    const changed = new Map<number, GridRow>();
    try {
      // One call, one transaction: scores and ballots are saved together or not at all.
      const res = await call('evaluation.sheet.save', { countyId, year, cells: batch.cells, ballots: batch.ballots });
      res.rows.forEach((r) => changed.set(r.cadreId, r));
      const saved = res.saved;
      setDrafts((d) => omit(d, batch.settled));
      if (batch.refused) void message.warning(`已保存 ${saved} 项；有 ${errorList.length} 处数值不符合要求，已标红，未保存`);
      else success(`已保存 ${saved} 项`);
      onSaved();
    } catch (err) {
      notifyError(err, '分数未保存');
    } finally {
      if (changed.size) update((g) => withRows(g, [...changed.values()]));
      setSaving(false);
    }
  };

  const switchTo = (fn: () => void) => {
    if (dirtyCount > 0) {
      void message.warning('还有未保存的修改，请先保存（Ctrl+S）或按 Esc 撤回');
      return;
    }
    fn();
  };

  if (townships.length === 0) return <Empty style={{ marginTop: 60 }} description="本县还没有乡镇" />;
  const focusedCol = groups.flatMap((g) => g.cols)[focus.c];
  const focusedErr = focusedRow && focusedCol ? (errors[cellId(focusedRow.cadreId, focusedCol.id)] ?? null) : null;

  return (
    <div className="ob-eval-tab">
      <div className="ob-eval-toolbar">
        <Select
          value={townshipId}
          onChange={(v) => switchTo(() => setTownshipId(v))}
          options={townships.map((t) => ({ value: t.id, label: t.name }))}
          style={{ width: 120 }}
          aria-label="乡镇"
          data-testid="score-township"
        />
        {choices.length > 0 && (
          <Segmented
            value={activePost}
            onChange={(v) => switchTo(() => setPost(v as PostType | 'all'))}
            options={choices.map((p) => ({
              value: p,
              label: `${p === 'all' ? '全部岗位' : POST_SHORT[p]}（${grid?.rows.filter((r) => p === 'all' || r.postType === p).length}）`,
            }))}
            data-testid="score-post"
          />
        )}
        <div style={{ flex: 1 }} />
        {commented > 0 && (
          <Tag color="blue" data-testid="comment-count" title="评审单位发回的评审意见；选中干部所在行即可查看">
            评审意见 {commented} 条
          </Tag>
        )}
        {dirtyCount > 0 && <Tag color="gold">{dirtyCount} 格未保存</Tag>}
        <Button icon={<FileSearchOutlined />} onClick={() => setEvidenceOpen((o) => !o)} disabled={!focusedRow}>
          佐证（F2）
        </Button>
        <Button
          type="primary"
          icon={<SaveOutlined />}
          onClick={settle(save)}
          loading={saving}
          disabled={readOnly || dirtyCount === 0}
          data-testid="score-save"
        >
          保存
        </Button>
      </div>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {grid && !grid.scheme && <Alert type="warning" showIcon title={`${year}年度还没有启用的考核方案，请先在“方案”中新建并启用。`} />}
      {readOnly && (
        <Alert type="info" showIcon title="本年度考核已定稿，分数只能查看；如需修改，请在“结果”中重新开放。" style={{ marginBottom: 8 }} />
      )}
      {!grid ? (
        <Spin style={{ marginTop: 60 }} />
      ) : grid.scheme && rows.length === 0 ? (
        <Empty style={{ marginTop: 60 }} description="该乡镇本年度没有在岗的选派干部" />
      ) : grid.scheme ? (
        <div className={`ob-eval-split${evidenceOpen && focusedRow ? ' with-evidence' : ''}`}>
          <div className="ob-eval-gridcol">
            <ScoreGrid
              rows={rows}
              groups={groups}
              drafts={drafts}
              errors={errors}
              factors={grid.scheme.ballotFactors}
              readOnly={readOnly}
              focus={focus}
              onFocus={setFocus}
              onDraft={onDraft}
              onEvidence={() => setEvidenceOpen((o) => !o)}
              onSave={settle(save)}
            />
            <div className="ob-sg-foot">
              <div className={`ob-sg-msg${errorList.length ? ' bad' : ''}`} data-testid="score-message" role="status">
                {focusedErr ??
                  (errorList.length ? `有 ${errorList.length} 处数值不符合要求（标红），不会保存：${errorList[0]}` : hint(focusedCol))}
              </div>
              <span className="ob-muted ob-eval-help" data-testid="score-help">
                Enter 下移 · Tab 右移 · 方向键 · Esc 撤回本格 · <kbd className="ob-kbd">F2</kbd> 佐证 · <kbd className="ob-kbd">Ctrl</kbd>+
                <kbd className="ob-kbd">S</kbd> 保存
              </span>
            </div>
          </div>
          {focusedComment && focusedRow && <CommentView key={focusedRow.cadreId} comment={focusedComment} name={focusedRow.name} />}
          {reviewCopy && focusedRow && (
            <CommentBox key={focusedRow.cadreId} countyId={countyId} year={year} cadreId={focusedRow.cadreId} name={focusedRow.name} />
          )}
          {evidenceOpen && focusedRow && (
            <EvidencePanel cadreId={focusedRow.cadreId} name={focusedRow.name} year={year} onClose={() => setEvidenceOpen(false)} />
          )}
        </div>
      ) : null}
    </div>
  );
}

/** What the focused cell accepts. */
function hint(col: EntryCol | undefined): string {
  if (!col) return ' ';
  if (col.kind === 'score') return `${col.group}${col.indicator ? '·' + col.label : ''}：0–${col.max}分，最多两位小数；清空即删除该分数`;
  return `${col.group}：填写票数（整数），满意 + 基本满意 + 不满意 ≤ 票数`;
}

function omit(d: Record<string, string>, ids: string[]): Record<string, string> {
  const next = { ...d };
  for (const id of ids) delete next[id];
  return next;
}
