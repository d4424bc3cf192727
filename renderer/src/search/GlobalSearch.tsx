import { FileTextOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Empty, Input, Modal, Spin, Tag } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { placeLabel } from '../cadres/orgOptions';
import { useDebounced } from '../util/useDebounced';
import { dateLabel } from '../../../shared/dates';

interface Hit {
  key: string;
  kind: 'cadre' | 'material';
  title: string;
  sub: string;
  /** Where in the originals' text the words were found (识别文字 = recognised from a scan). */
  pages?: Array<{ label: string; snippet: string }>;
  open: () => void;
}

/** Ctrl+K command palette over search.global: arrows move, Enter opens, Esc closes. */
export function GlobalSearch({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { navigate } = useAppState();
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const dq = useDebounced(q.trim(), 200);
  const res = useCall('search.global', open && dq ? { q: dq, limit: 30 } : null, `${open}|${dq}`);

  useEffect(() => {
    if (open) {
      setQ('');
      setActive(0);
    }
  }, [open]);

  const hits = useMemo<Hit[]>(() => {
    if (!dq || !res.data) return [];
    const go = (fn: () => void) => () => {
      onClose();
      fn();
    };
    return [
      ...res.data.cadres.map((c) => ({
        key: `c${c.id}`,
        kind: 'cadre' as const,
        title: c.name,
        sub: `${c.postType} · ${placeLabel(c.county, c.township, c.village) || '未安排任职'} · ${c.idNumberMasked}`,
        open: go(() => navigate({ kind: 'cadre', id: c.id })),
      })),
      ...res.data.materials.map((m) => ({
        key: `m${m.id}`,
        kind: 'material' as const,
        title: m.title,
        sub: `${m.cadreName} · ${m.category}${m.date ? ` · ${dateLabel(m.date)}` : ''}`,
        pages: (m.pageHits ?? [])
          .slice(0, 3)
          .map((p) => ({ label: `${p.source === 'ocr' ? '识别文字' : '正文'} 第${p.page}页`, snippet: p.snippet })),
        open: go(() => navigate({ kind: 'cadre', id: m.cadreId, tab: 'bag' })),
      })),
    ];
  }, [res.data, dq, navigate, onClose]);

  useEffect(() => setActive(0), [hits]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      hits[active]?.open();
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      footer={null}
      closable={false}
      width={640}
      destroyOnHidden
      styles={{ body: { padding: 0 } }}
      style={{ top: 80 }}
    >
      <div style={{ padding: 12 }}>
        <Input
          autoFocus
          size="large"
          prefix={<SearchOutlined />}
          placeholder="搜索干部（姓名、拼音、身份证号）或材料（题名及原件中的文字）"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onKeyDown={onKeyDown}
          data-testid="global-search-input"
        />
      </div>
      <div style={{ maxHeight: 420, overflowY: 'auto', padding: '0 8px 8px' }} data-testid="global-search-results">
        {!dq ? (
          <div className="ob-muted" style={{ padding: '8px 12px 12px' }}>
            输入后按 ↑ ↓ 选择，Enter 打开，Esc 关闭
          </div>
        ) : res.loading && !res.data ? (
          <Spin style={{ display: 'block', margin: 24 }} />
        ) : res.error ? (
          <div style={{ color: '#b42318', padding: 12 }}>{res.error}</div>
        ) : hits.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有找到匹配的干部或材料" />
        ) : (
          hits.map((h, i) => (
            <div
              key={h.key}
              className={`ob-search-item${i === active ? ' active' : ''}`}
              onMouseEnter={() => setActive(i)}
              onClick={h.open}
            >
              {h.kind === 'cadre' ? <UserOutlined style={{ color: '#1d4f91' }} /> : <FileTextOutlined style={{ color: '#8c1d18' }} />}
              <span style={{ fontWeight: 500 }}>{h.title}</span>
              <span className="ob-muted" style={{ fontSize: 12, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                {h.sub}
              </span>
              {h.pages?.map((p) => (
                <div
                  key={p.label}
                  className="ob-search-page"
                  data-testid="search-page-hit"
                  style={{ flexBasis: '100%', fontSize: 12, paddingLeft: 22 }}
                >
                  <Tag color={p.label.startsWith('识别文字') ? 'purple' : 'default'} style={{ fontSize: 11 }}>
                    {p.label}
                  </Tag>
                  <span className="ob-muted">{p.snippet}</span>
                </div>
              ))}
            </div>
          ))
        )}
      </div>
    </Modal>
  );
}
