import { List, Tag, Typography } from 'antd';
import { useCall } from '../api/useCall';
import { useAppState } from '../app/AppState';
import { entryText } from './entryText';

/** Full-text hits over every cadre's log (Chinese words work), newest first; a click opens that cadre's year. */
export function SearchResults({ q }: { q: string }) {
  const { navigate, dataVersion } = useAppState();
  const hits = useCall('worklog.search', { q, limit: 100 }, `${q}|${dataVersion}`);
  return (
    <List
      size="small"
      bordered
      className="ob-fill"
      style={{ overflow: 'auto', background: '#fff' }}
      loading={hits.loading}
      locale={{ emptyText: hits.error ?? `日志中没有找到“${q}”` }}
      dataSource={hits.data ?? []}
      data-testid="worklog-search-results"
      header={
        hits.data ? (
          <Typography.Text type="secondary">找到{hits.data.length >= 100 ? '100条以上' : `${hits.data.length}条`}日志</Typography.Text>
        ) : null
      }
      renderItem={(h) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => navigate({ kind: 'worklog', cadreId: h.cadreId, tab: 'log' })}>
          <div style={{ width: '100%' }}>
            <div>
              <b>{h.cadreName}</b> <Typography.Text type="secondary">{h.date}</Typography.Text> <Tag>{h.kind}</Tag>
              {h.place ? <Typography.Text type="secondary">{h.place}</Typography.Text> : null}
            </div>
            <div style={{ whiteSpace: 'pre-wrap' }}>{entryText(h, { separator: '　', place: false })}</div>
          </div>
        </List.Item>
      )}
    />
  );
}
