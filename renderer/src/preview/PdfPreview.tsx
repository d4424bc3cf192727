import { LeftOutlined, RightOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, InputNumber, Space, Spin } from 'antd';
import { useState } from 'react';
import { Document, Page } from 'react-pdf';
import { PDF_OPTIONS } from './pdfSetup';

/** PDF pages with navigation and zoom (pdf.js assets ship with the app). */
export function PdfPreview({ url }: { url: string }) {
  const [pages, setPages] = useState(0);
  const [page, setPage] = useState(1);
  const [scale, setScale] = useState(1);
  const [error, setError] = useState<string | null>(null);

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button icon={<LeftOutlined />} disabled={page <= 1} onClick={() => setPage((p) => p - 1)} aria-label="上一页" />
        <span>
          第 <InputNumber size="small" min={1} max={Math.max(1, pages)} value={page} onChange={(v) => v && setPage(v)} style={{ width: 64 }} /> 页，共{' '}
          {pages || '…'} 页
        </span>
        <Button icon={<RightOutlined />} disabled={page >= pages} onClick={() => setPage((p) => p + 1)} aria-label="下一页" />
        <Button icon={<ZoomOutOutlined />} disabled={scale <= 0.5} onClick={() => setScale((s) => Math.round((s - 0.25) * 100) / 100)} aria-label="缩小" />
        <span style={{ width: 44, textAlign: 'center', display: 'inline-block' }}>{Math.round(scale * 100)}%</span>
        <Button icon={<ZoomInOutlined />} disabled={scale >= 3} onClick={() => setScale((s) => Math.round((s + 0.25) * 100) / 100)} aria-label="放大" />
      </Space>
      {error ? (
        <Alert type="error" showIcon title="无法显示该 PDF" description={error} />
      ) : (
        <div className="ob-pdf-wrap" data-testid="pdf-preview">
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
            <Page
              pageNumber={page}
              scale={scale}
              width={720}
              renderTextLayer={false}
              renderAnnotationLayer={false}
              loading={<Spin />}
            />
          </Document>
        </div>
      )}
    </div>
  );
}
