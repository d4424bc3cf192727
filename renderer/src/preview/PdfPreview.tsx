import { DownloadOutlined, LeftOutlined, PrinterOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Spin } from 'antd';
import { useState } from 'react';
import { useAppState } from '../app/AppState';
import { outcomeText, printPdf, savePdf } from '../common/output';
import { useNotify } from '../util/notify';
import { Document, Page } from 'react-pdf';
import { PDF_OPTIONS } from './pdfSetup';

/**
 * PDF pages with navigation and zoom (pdf.js assets ship with the app), PageDown/PageUp (and
 * Home/End) turning pages while the preview has focus, and 打印 / 另存为 (下载 in browser mode).
 */
export function PdfPreview({ url, fileName = 'OneBag.pdf' }: { url: string; fileName?: string }) {
  const { status } = useAppState();
  const host = status?.host ?? 'bridge';
  const { success, notifyError } = useNotify();
  const [busy, setBusy] = useState<'print' | 'save' | null>(null);
  const run = async (what: 'print' | 'save') => {
    setBusy(what);
    try {
      if (what === 'save') {
        const text = outcomeText(await savePdf(host, url, fileName.toLowerCase().endsWith('.pdf') ? fileName : `${fileName}.pdf`));
        if (text) success(text);
      } else {
        await printPdf(host, url);
      }
    } catch (err) {
      notifyError(err, what === 'print' ? '未能打印' : '未能保存');
    } finally {
      setBusy(null);
    }
  };
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1);
  const [error, setError] = useState<string | null>(null);

  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    if ((e.target as HTMLElement).closest('input')) return;
    const to = e.key === 'PageDown' ? page + 1 : e.key === 'PageUp' ? page - 1 : e.key === 'Home' ? 1 : e.key === 'End' ? pages : null;
    if (to === null) return;
    e.preventDefault();
    setPage(Math.min(Math.max(1, to), Math.max(1, pages)));
  };

  return (
    <div onKeyDown={onKeyDown} tabIndex={-1} className="ob-pdf-preview" aria-label="PDF 预览，PageDown/PageUp 翻页">
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<PrinterOutlined />} onClick={() => void run('print')} loading={busy === 'print'} data-testid="pdf-print">
          打印
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void run('save')} loading={busy === 'save'} data-testid="pdf-save">
          {host === 'electron' ? '另存为' : '下载'}
        </Button>
        <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label="上一页" />
        <span>
          第{' '}
          <InputNumber size="small" min={1} max={Math.max(1, pages)} value={page} onChange={(v) => v && setPage(v)} style={{ width: 64 }} />{' '}
          页，共 {pages || '…'} 页
        </span>
        <Button icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage((p) => p + 1)} aria-label="下一页" />
        <Button
          icon={<ZoomOutOutlined />}
          disabled={scale <= 0.5}
          onClick={() => setScale((s) => Math.round((s - 0.25) * 100) / 100)}
          aria-label="缩小"
        />
        <span style={{ width: 44, textAlign: 'center', display: 'inline-block' }}>{Math.round(scale * 100)}%</span>
        <Button
          icon={<ZoomInOutlined />}
          disabled={scale >= 3}
          onClick={() => setScale((s) => Math.round((s + 0.25) * 100) / 100)}
          aria-label="放大"
        />
      </Space>
      {error ? (
        <Alert type="error" showIcon title="无法显示该 PDF" description={error} />
      ) : (
        <div className="ob-pdf-wrap" data-testid="pdf-preview" tabIndex={0} data-page={page}>
          <Document
            file={url}
            options={PDF_OPTIONS}
            onLoadSuccess={(doc) => {
              setPages(doc.numPages);
              setPage(1);
            }}
            onLoadError={(e) => setError(e.message)}
            loading={<Spin description="正在打开 PDF…" />}
            error="无法打开该 PDF"
            noData="没有文件"
          >
            <Page pageNumber={page} scale={scale} width={720} renderTextLayer={false} renderAnnotationLayer={false} loading={<Spin />} />
          </Document>
        </div>
      )}
    </div>
  );
}
