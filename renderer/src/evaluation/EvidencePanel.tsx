/**
 * The records beside the score sheet for one cadre: attendance, check absences, alerts,
 * projects, whether the bag's required categories are filed (完整性: which are empty, never
 * how many items — the scorer judges results, not the volume of records) — each with a link to
 * where the record lives. A side panel, not a dialog, so the grid keeps the keyboard; 打开资料袋
 * sits below the scrolling lists so it is never cut off.
 */
import { CloseOutlined } from '@ant-design/icons';
import { Alert, Button, Spin, Tag } from 'antd';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { monthLabel } from '../../../shared/dates';

export function EvidencePanel({ cadreId, name, year, onClose }: { cadreId: number; name: string; year: number; onClose: () => void }) {
  const { navigate } = useAppState();
  const ev = useCall('evaluation.evidence', { cadreId, year }, `${cadreId}|${year}`);
  const e = ev.data && ev.data.cadreId === cadreId ? ev.data : undefined;

  return (
    <aside className="ob-eval-evidence" data-testid="evidence-panel" aria-label={`${name}的佐证材料`}>
      <div className="ob-eval-evidence-head">
        <strong>{name}</strong>
        <span className="ob-muted">{year}年度佐证</span>
        <div style={{ flex: 1 }} />
        <Button size="small" type="text" icon={<CloseOutlined />} onClick={onClose} aria-label="关闭佐证" title="关闭（F2）" />
      </div>
      {ev.error && <Alert type="error" showIcon title={ev.error} />}
      {!e ? (
        <Spin style={{ margin: 24 }} />
      ) : (
        <div className="ob-eval-evidence-body">
          <section>
            <h5>考勤</h5>
            {e.certifiedMonths === 0 ? (
              <div className="ob-eval-warn" data-testid="evidence-attendance">
                本年度尚无乡镇认定的考勤月份
              </div>
            ) : e.monthsShort.length === 0 ? (
              <div data-testid="evidence-attendance">已认定的{e.certifiedMonths}个月在岗天数均达到要求</div>
            ) : (
              <>
                <div className="ob-eval-warn">在岗不足 {e.monthsShort.length} 个月</div>
                <ul>
                  {e.monthsShort.map((m) => (
                    <li key={m.month}>
                      {monthLabel(m.month)}：在岗 {m.onPost} 天（应 ≥ {m.minimum}）
                    </li>
                  ))}
                </ul>
              </>
            )}
            {e.uncertifiedMonths > 0 && <div data-testid="evidence-uncertified">另有{e.uncertifiedMonths}个月未认定，不计入</div>}
            <Button size="small" type="link" onClick={() => navigate({ kind: 'attendance' })}>
              查看考勤登记
            </Button>
          </section>
          <section>
            <h5>督查与五必到</h5>
            <div>
              督查不在岗 <span className={e.checkAbsences ? 'ob-eval-warn' : undefined}>{e.checkAbsences}</span> 次；五必到缺席{' '}
              <span className={e.eventAbsences ? 'ob-eval-warn' : undefined}>{e.eventAbsences}</span> 次
            </div>
            <Button size="small" type="link" onClick={() => navigate({ kind: 'events' })}>
              查看督查记录
            </Button>
          </section>
          <section>
            <h5>预警</h5>
            <div>{e.alerts ? <span className="ob-eval-warn">{e.alerts} 条未处理预警</span> : '没有预警'}</div>
            {e.alerts > 0 && (
              <Button size="small" type="link" onClick={() => navigate({ kind: 'alerts' })}>
                查看预警
              </Button>
            )}
          </section>
          <section>
            <h5>项目</h5>
            {e.projects.length === 0 ? (
              <div className="ob-eval-warn">本年度没有项目</div>
            ) : (
              <ul>
                {e.projects.map((p) => (
                  <li key={p.id}>
                    <a onClick={() => navigate({ kind: 'work', tab: 'projects', cadreId, projectId: p.id })}>{p.name}</a>{' '}
                    <Tag>{p.status}</Tag>
                  </li>
                ))}
              </ul>
            )}
            {e.missedMilestones.map((m) => (
              <div key={m} className="ob-eval-warn">
                {m}
              </div>
            ))}
          </section>
          <section>
            <h5>资料袋完整性</h5>
            <div data-testid="evidence-bag-missing">
              {e.bagMissing.length === 0 ? (
                `${year}年度七类材料均已归档`
              ) : (
                <span className="ob-eval-warn">尚未归档：{e.bagMissing.join('、')}</span>
              )}
            </div>
          </section>
        </div>
      )}
      {/* outside the scrolling body: always in view, however long the lists above */}
      <div className="ob-eval-evidence-foot">
        <Button
          size="small"
          type="primary"
          ghost
          onClick={() => navigate({ kind: 'cadre', id: cadreId, tab: 'bag' })}
          data-testid="evidence-open-bag"
        >
          打开资料袋
        </Button>
      </div>
    </aside>
  );
}
