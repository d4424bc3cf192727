/** 打印: one cadre's 考核登记表 (for the personnel file) or the county results table, previewed. */
import { FilePdfOutlined } from '@ant-design/icons';
import { Button, Card, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import type { PrintedPdf } from '../../../shared/evaluation';
import { call } from '../api/client';
import { PdfPreview } from '../preview/PdfPreview';
import { useNotify } from '../util/notify';
import { CadreSelect, useCadres } from '../common/CadreSelect';
import { OpenPrintedButton } from '../print/OpenPrintedButton';
import { settle } from '../util/settle';

export function PrintTab({ countyId, year, initialCadreId }: { countyId: number; year: number; initialCadreId?: number }) {
  const cadres = useCadres();
  const [cadreId, setCadreId] = useState<number | undefined>(initialCadreId);
  const [busy, setBusy] = useState<'sheet' | 'table' | null>(null);
  const [pdf, setPdf] = useState<(PrintedPdf & { title: string }) | null>(null);
  const { notifyError } = useNotify();

  const make = async (what: 'sheet' | 'table') => {
    setBusy(what);
    setPdf(null);
    try {
      if (what === 'sheet' && cadreId) {
        const name = cadres.find((c) => c.id === cadreId)?.name ?? '';
        setPdf({ ...(await call('evaluation.print.sheet', { cadreId, year })), title: `${name} ${year}年度考核登记表` });
      } else if (what === 'table') {
        setPdf({ ...(await call('evaluation.print.countyTable', { countyId, year })), title: `${year}年度考核结果汇总表` });
      }
    } catch (err) {
      notifyError(err, '未能生成');
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="ob-scroll">
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        <Card size="small">
          <Space wrap>
            <span>考核登记表</span>
            <CadreSelect value={cadreId} onChange={setCadreId} cadres={cadres} testId="eval-print-cadre" />
            <Button
              type="primary"
              icon={<FilePdfOutlined />}
              disabled={!cadreId}
              loading={busy === 'sheet'}
              onClick={settle(() => make('sheet'))}
            >
              生成考核登记表
            </Button>
            <span className="ob-muted">｜</span>
            <Button icon={<FilePdfOutlined />} loading={busy === 'table'} onClick={settle(() => make('table'))}>
              生成全县结果汇总表
            </Button>
            <OpenPrintedButton pdf={pdf} />
          </Space>
        </Card>
        {busy && <Spin description="正在排版生成……" />}
        {pdf && (
          <>
            <Typography.Text data-testid="eval-print-summary">
              {pdf.title}：共 {pdf.pages} 页
            </Typography.Text>
            <PdfPreview url={pdf.url} fileName={`${pdf.title}.pdf`} />
          </>
        )}
      </Space>
    </div>
  );
}
