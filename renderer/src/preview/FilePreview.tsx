import { ExportOutlined, FileOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal, Spin } from 'antd';
import { lazy, Suspense, useEffect, useState } from 'react';
import { FILE_KIND_LABELS, type StoredFile } from '../../../shared/domain';
import { call, errorMessage } from '../api/client';
import { formatSize } from '../../../shared/fileSize';
import { useOpenExternal } from './useOpenExternal';
import { settle } from '../util/settle';

const PdfPreview = lazy(() => import('./PdfPreview').then((m) => ({ default: m.PdfPreview })));

/** Shows one stored original: PDF pages, an image, or a card to open it with the system program. */
export function FilePreview({ file, onClose }: { file: StoredFile | null; onClose: () => void }) {
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { opening, openError, setOpenError, openExternal: openSha } = useOpenExternal();

  useEffect(() => {
    setUrl(null);
    setError(null);
    setOpenError(null);
    if (!file) return;
    let live = true;
    call('files.url', { sha256: file.sha256 }).then(
      (r) => live && setUrl(r.url),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [file, setOpenError]);

  const openExternal = async () => {
    if (file) await openSha(file.sha256);
  };

  let body = null;
  if (file) {
    if (error) body = <Alert type="error" showIcon title={error} />;
    else if (!url) body = <Spin style={{ display: 'block', margin: 40 }} />;
    else if (file.kind === 'pdf')
      body = (
        <Suspense fallback={<Spin style={{ display: 'block', margin: 40 }} />}>
          <PdfPreview url={url} />
        </Suspense>
      );
    else if (file.kind === 'jpeg' || file.kind === 'png')
      body = <img className="ob-preview-img" src={url} alt={file.originalName} data-testid="image-preview" />;
    else
      body = (
        <div style={{ textAlign: 'center', padding: '24px 0' }}>
          <FileOutlined style={{ fontSize: 48, color: '#9ca3af' }} />
          <Descriptions
            size="small"
            column={1}
            style={{ maxWidth: 420, margin: '16px auto' }}
            items={[
              { key: 'k', label: '类型', children: FILE_KIND_LABELS[file.kind] },
              { key: 's', label: '大小', children: formatSize(file.size) },
              ...(file.pageCount ? [{ key: 'p', label: '页数', children: `${file.pageCount} 页` }] : []),
            ]}
          />
          <p className="ob-muted">此类文件不能在 OneBag 中直接预览。</p>
        </div>
      );
  }

  return (
    <Modal
      open={file !== null}
      onCancel={onClose}
      title={file ? `${file.originalName}（${FILE_KIND_LABELS[file.kind]}）` : ''}
      width={880}
      centered
      destroyOnHidden
      footer={[
        openError && (
          <span key="err" style={{ color: '#b42318', marginRight: 12 }}>
            {openError}
          </span>
        ),
        <Button key="open" icon={<ExportOutlined />} loading={opening} onClick={settle(openExternal)}>
          用系统程序打开
        </Button>,
        <Button key="close" type="primary" onClick={onClose} data-testid="preview-close">
          关闭
        </Button>,
      ]}
    >
      <div data-testid="file-preview">{body}</div>
    </Modal>
  );
}
