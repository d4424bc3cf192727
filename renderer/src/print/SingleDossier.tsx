import { FilePdfOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Select, Space, Spin, Typography } from 'antd';
import { useShowsRecordsOf } from '../common/shownCounties';
import { useState } from 'react';
import type { DossierPreview, DossierScope } from '../../../shared/api/dossier';
import { call } from '../api/client';
import { useCall } from '../api/useCall';
import { PdfPreview } from '../preview/PdfPreview';
import { useDebounced } from '../util/useDebounced';
import { yearOptions } from '../../../shared/dates';
import { OpenPrintedButton } from './OpenPrintedButton';
import { settle } from '../util/settle';
import { thisYear } from '../app/today';
import { useBusyAction } from '../common/useBusyAction';

/** Pick a cadre and a year (or the whole term), generate, preview; open in the system viewer to print. */
export function SingleDossier({ initialCadreId }: { initialCadreId?: number }) {
  const [query, setQuery] = useState('');
  const q = useDebounced(query, 250);
  const cadres = useCall('cadres.list', q ? { query: q } : {}, `q:${q}`);
  const [cadreId, setCadreId] = useState<number | undefined>(initialCadreId);
  const [year, setYear] = useState<DossierScope>(thisYear() - 1);
  const { busy, runBusy } = useBusyAction();
  const [pdfa, setPdfa] = useState(false);
  const [preview, setPreview] = useState<DossierPreview | null>(null);
  useShowsRecordsOf({ countyNames: [(cadres.data ?? []).find((c) => c.id === cadreId)?.county] });

  const generate = async () => {
    if (!cadreId) return;
    setPreview(null);
    await runBusy(async () => {
      setPreview(await call('dossier.preview', { cadreId, year, ...(pdfa ? { pdfa: true } : {}) }));
    }, '档案未能生成');
  };

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <span>干部</span>
          <Select
            showSearch={{ filterOption: false, onSearch: setQuery }}
            style={{ width: 280 }}
            placeholder="输入姓名、拼音或身份证号查找"
            value={cadreId}
            onChange={(v: number) => setCadreId(v)}
            loading={cadres.loading}
            options={(cadres.data ?? []).map((c) => ({
              value: c.id,
              label: `${c.name}　${[c.township, c.village].filter(Boolean).join('')}`,
            }))}
            aria-label="选择干部"
            data-testid="print-cadre"
          />
          <span>年度</span>
          <Select
            style={{ width: 130 }}
            value={year}
            onChange={(v: DossierScope) => setYear(v)}
            options={[...yearOptions(thisYear()), { value: 'term', label: '整个任期' }]}
            aria-label="选择年度"
          />
          <Checkbox checked={pdfa} onChange={(e) => setPdfa(e.target.checked)} data-testid="print-pdfa">
            长期保存格式（PDF/A）
          </Checkbox>
          <Button type="primary" icon={<FilePdfOutlined />} disabled={!cadreId} loading={busy} onClick={settle(generate)}>
            生成预览
          </Button>
          <OpenPrintedButton pdf={preview} />
        </Space>
      </Card>
      {busy && <Spin description="正在排版生成档案……" />}
      {preview && (
        <>
          <Typography.Text data-testid="preview-summary">
            {preview.fileName}：{preview.items} 件，共 {preview.pages} 页{preview.pdfa ? '，PDF/A-1b' : ''}
          </Typography.Text>
          {preview.remarks.length > 0 && (
            <Alert
              type="info"
              showIcon
              title="备考表中关于原件的说明"
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {preview.remarks.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          {preview.warnings.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={`有 ${preview.warnings.length} 条提示`}
              description={
                <ul style={{ margin: 0, paddingLeft: 18 }}>
                  {preview.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              }
            />
          )}
          <PdfPreview url={preview.url} fileName={preview.fileName} />
        </>
      )}
    </Space>
  );
}
