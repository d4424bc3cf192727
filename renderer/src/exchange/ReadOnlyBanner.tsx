/**
 * Shown where records of an imported review copy are on screen (common/shownCounties.ts): they
 * are read-only. A screen of the clerk's own county shows no banner.
 */
import { Alert } from 'antd';
import { useAppState } from '../app/AppState';
import { useCountiesOnScreen } from '../common/shownCounties';
import './exchange.css';

export function ReadOnlyBanner() {
  const { org } = useAppState();
  const onScreen = useCountiesOnScreen();
  const copies = (org?.counties ?? []).filter((c) => c.readOnly && onScreen.includes(c.id));
  if (copies.length === 0) return null;
  return (
    <div className="ob-readonly-banner" data-testid="readonly-banner">
      {copies.map((c) => (
        <Alert
          key={c.id}
          type="warning"
          banner
          title={
            <>
              {c.name}：评审副本（只读）· 来自 {c.originName ?? '其他单位'} · 指纹 <span className="ob-fingerprint">{c.origin}</span>
            </>
          }
        />
      ))}
    </div>
  );
}
