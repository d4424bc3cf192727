/**
 * 集体经济薄弱村: one item per weak village the cadre supports during the period — the village's
 * collective income by year, the three milestones (一年发展思路、二年增收渠道、三年摘帽) with the
 * cadre's due dates and the dates reached, and every missed milestone with the action required
 * and the action recorded (约谈 / 召回调换, 记录在案). Read through main/core/work/weak.ts, whose
 * milestone states are judged on the clerk's today: the page says so.
 */
import { listWeakVillages } from '../../core/dossierReads/readers';
import { yuan } from '../../../shared/work';
import { MILESTONE_RULE, type MilestoneEvaluation, type WeakVillage, type WeakVillageSupporter } from '../../../shared/weakVillages';
import type { Block, Item, Section } from '../typeset/model';
import type { BuildContext } from './context';
import { compiledItem, dash, para } from './work';
import { dateLabel } from '../../../shared/dates';
import { localToday } from '../../core/runtime/clock';

export function weakVillageSections(ctx: BuildContext): Section[] {
  const townships = [
    ...new Set(ctx.cadre.postings.filter((p) => p.start <= ctx.to && (p.end === null || p.end >= ctx.from)).map((p) => p.townshipId)),
  ];
  const today = localToday();
  const items: Item[] = [];
  for (const townshipId of townships) {
    for (const w of listWeakVillages(ctx.db, { townshipId }, today)) {
      const me = w.supporters.find((s) => s.cadreId === ctx.cadre.id);
      if (me) items.push(villageItem(ctx, w, me, today));
    }
  }
  return items.length ? [{ title: '集体经济薄弱村', items }] : [];
}

const STATE_TEXT: Record<MilestoneEvaluation['state'], string> = {
  已完成: '按期完成',
  未到期: '未到期',
  逾期完成: '逾期完成',
  已逾期: '已逾期',
  已离任: '已离任',
};

function villageItem(ctx: BuildContext, w: WeakVillage, me: WeakVillageSupporter, today: string): Item {
  const title = `${ctx.cadre.name}包扶集体经济薄弱村${w.village}情况`;
  const blocks: Block[] = [];
  blocks.push(
    para(
      `${w.township}${w.village}于${w.listedYear}年列为集体经济薄弱村，` +
        (w.status === '已摘帽' && w.delistedOn ? `${dateLabel(w.delistedOn)}摘帽。` : '目前仍为薄弱村。') +
        (me.clockStart
          ? `${ctx.cadre.name}（${me.postType}）包扶该村，节点期限自${dateLabel(me.clockStart)}起算${me.clockEnd ? `，${dateLabel(me.clockEnd)}离开${w.township}` : ''}；` +
            `以下节点状态截至${dateLabel(today)}。`
          : `${ctx.cadre.name}未在${w.township}任职，无法计算节点期限。`),
    ),
  );
  if (w.notes) blocks.push(para(`备注：${w.notes}`));

  if (w.income.length) {
    blocks.push({ kind: 'heading', level: 2, text: '村集体经济收入' });
    blocks.push({
      kind: 'table',
      columns: [
        { title: '年度', widthMm: 30, align: 'center' },
        { title: '村集体经济收入（元）', widthMm: 63, align: 'right' },
        { title: '较上年增减（元）', widthMm: 63, align: 'right' },
      ],
      rows: w.income.map((r, i) => {
        const prev = w.income[i - 1];
        const diff = prev && prev.year === r.year - 1 ? r.incomeFen - prev.incomeFen : null;
        return [`${r.year}年`, yuan(r.incomeFen), diff === null ? '—' : `${diff > 0 ? '+' : ''}${yuan(diff)}`];
      }),
      fontSize: 10.5,
    });
  }

  blocks.push({ kind: 'heading', level: 2, text: '节点完成情况' });
  if (me.milestones.length) {
    const record = (kind: string) => w.milestones.find((m) => m.kind === kind);
    blocks.push({
      kind: 'table',
      columns: [
        { title: '节点', widthMm: 17, align: 'center' },
        { title: '要求', widthMm: 28 },
        { title: '期限', widthMm: 21, align: 'center' },
        { title: '达成日期', widthMm: 21, align: 'center' },
        { title: '状态', widthMm: 16, align: 'center' },
        { title: '情况说明', widthMm: 53 },
      ],
      rows: me.milestones.map((m) => {
        const rec = record(m.kind);
        const files = rec?.evidence.length ? `\n佐证：${rec.evidence.map((f) => f.originalName).join('、')}` : '';
        return [
          m.kind,
          MILESTONE_RULE[m.kind],
          m.dueDate,
          m.achievedOn ?? '—',
          STATE_TEXT[m.state],
          rec ? `${dash(rec.description)}${files}` : '—',
        ];
      }),
      fontSize: 9.5,
    });
  } else {
    blocks.push(para('未能计算节点期限。'));
  }

  const missed = me.milestones.filter((m) => m.requiredAction !== null);
  const actions = w.actions.filter((a) => a.cadreId === ctx.cadre.id);
  if (missed.length || actions.length) {
    blocks.push({ kind: 'heading', level: 2, text: '逾期节点处理情况（记录在案）' });
    const rows: string[][] = [];
    for (const m of missed) {
      const mine = actions.filter((a) => a.milestone === m.kind);
      const state = m.state === '逾期完成' ? `逾期完成（${m.achievedOn}）` : `逾期未完成（期限${m.dueDate}）`;
      if (!mine.length) rows.push([m.kind, state, m.requiredAction!, '尚未处理', '—', '—', '—']);
      for (const a of mine) rows.push([m.kind, state, m.requiredAction!, a.action, a.date, a.by, dash(a.notes)]);
    }
    for (const a of actions.filter((x) => !missed.some((m) => m.kind === x.milestone))) {
      rows.push([a.milestone, '—', '—', a.action, a.date, a.by, dash(a.notes)]);
    }
    blocks.push({
      kind: 'table',
      columns: [
        { title: '节点', widthMm: 15, align: 'center' },
        { title: '逾期情况', widthMm: 26 },
        { title: '应采取措施', widthMm: 16, align: 'center' },
        { title: '处理方式', widthMm: 16, align: 'center' },
        { title: '处理日期', widthMm: 21, align: 'center' },
        { title: '处理单位或人员', widthMm: 22 },
        { title: '处理情况', widthMm: 40 },
      ],
      rows,
      fontSize: 9.5,
    });
    const open = missed.filter((m) => m.open);
    blocks.push(
      para(
        open.length
          ? `尚待处理：${open.map((m) => `“${MILESTONE_RULE[m.kind]}”节点应予${m.requiredAction}`).join('；')}。`
          : '逾期节点均已按规定处理并记录在案。',
      ),
    );
  }

  // compiled for the period: dated at its end, like the attendance record
  return compiledItem(ctx, title, ctx.to, blocks);
}
