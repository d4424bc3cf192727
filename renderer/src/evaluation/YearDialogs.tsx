/** Reopening a finalised year (a reason is required), finalising with scores missing (likewise) and the finalise/reopen history. */
import { Drawer, Empty, Timeline } from 'antd';
import { call } from '../api/client';
import { timeLabel } from '../../../shared/dates';
import { useCall } from '../api/useCall';
import { useNotify } from '../util/notify';
import { ReasonDialog } from './ReasonDialog';

export function ReopenDialog({
  open,
  countyId,
  year,
  onClose,
  onDone,
}: { open: boolean; countyId: number; year: number; onClose: () => void; onDone: () => void }) {
  const { success } = useNotify();
  return (
    <ReasonDialog
      open={open}
      title={`重新开放${year}年度考核`}
      okText="重新开放"
      intro={<p>重新开放后可修改分数和方案，需再次定稿。原因将记入定稿记录。</p>}
      label={{ field: '原因', aria: '重新开放原因' }}
      placeholder="如：某干部群众评议票数录入有误，需更正"
      minLength={2}
      tooShort="请填写重新开放的原因（至少2个字）"
      failTitle="未能重新开放"
      send={async (reason) => {
        await call('evaluation.results.reopen', { countyId, year, reason });
        success(`${year}年度考核已重新开放，可修改分数`);
      }}
      onClose={onClose}
      onDone={onDone}
    />
  );
}

export function HistoryDrawer({
  open,
  countyId,
  year,
  version,
  onClose,
}: { open: boolean; countyId: number; year: number; version: number; onClose: () => void }) {
  const h = useCall('evaluation.results.history', open ? { countyId, year } : null, `${countyId}|${year}|${version}|${open}`);
  const list = h.data ?? [];
  return (
    <Drawer open={open} onClose={onClose} title={`${year}年度定稿记录`} size={420}>
      {list.length === 0 ? (
        <Empty description="还没有定稿或重新开放的记录" />
      ) : (
        <Timeline
          data-testid="year-history"
          items={list.map((e) => ({
            color: e.action === 'finalise' ? 'green' : 'orange',
            content: (
              <div>
                <strong>{e.action === 'finalise' ? '定稿' : '重新开放'}</strong>　{timeLabel(e.at)}
                {e.operator && <span className="ob-muted">　{e.operator}</span>}
                {e.schemeVersion !== null && <div className="ob-muted">方案第{e.schemeVersion}版</div>}
                {e.reason && <div>原因：{e.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}

/**
 * 定稿 while scores are missing: refused unless the clerk writes why it must be finalised
 * anyway. The unscored stay 未录全 (no grade); the reason goes into the 定稿记录, the audit log
 * and the printed results table. The channel enforces the same rule.
 */
export function FinaliseIncompleteDialog({
  open,
  countyId,
  year,
  unscored,
  onClose,
  onDone,
}: {
  open: boolean;
  countyId: number;
  year: number;
  unscored: string[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { success } = useNotify();
  const names = `${unscored.slice(0, 10).join('、')}${unscored.length > 10 ? `等` : ''}`;
  return (
    <ReasonDialog
      open={open}
      title={`还有 ${unscored.length} 人的分数未录全，不能直接定稿`}
      okText="确认定稿"
      intro={
        <>
          <p>未录全：{names}。请先在“评分”中录完。</p>
          <p>
            如确需现在定稿（如干部已调离、无法评议），请写明原因：这些干部定稿后显示“未录全”，不评等次；原因记入定稿记录、审计日志，并印在考核结果汇总表上。
          </p>
        </>
      }
      label={{ field: '定稿原因', aria: '定稿原因' }}
      placeholder="如：张某某已于10月调回原单位，群众评议无法组织"
      minLength={5}
      tooShort="请写明分数未录全仍要定稿的原因（至少5个字）"
      blockShortOk
      failTitle="未能定稿"
      testId="finalise-incomplete"
      send={async (reason) => {
        await call('evaluation.results.finalise', { countyId, year, incompleteReason: reason });
        success(`${year}年度考核结果已定稿（${unscored.length} 人分数未录全，原因已记录）`);
      }}
      onClose={onClose}
      onDone={onDone}
    />
  );
}
