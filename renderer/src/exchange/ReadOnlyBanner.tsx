/** Shown while imported review copies are in this data folder: they are read-only. */
import { Alert } from 'antd';
import { useAppState } from '../app/AppState';
import './exchange.css';

export function ReadOnlyBanner({ countyId }: { countyId?: number }) {
  const { org } = useAppState();
  const copies = (org?.counties ?? []).filter((c) => c.readOnly && (countyId === undefined || c.id === countyId));
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
