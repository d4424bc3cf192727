import { DownloadOutlined, ExportOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import type { RegisterPdfResult } from '../../../../shared/api/attendanceIo';
import { useOpenExternal } from '../../preview/useOpenExternal';
import { settle } from '../../util/settle';

const PdfPreview = lazy(() => import('../../preview/PdfPreview').then((m) => ({ default: m.PdfPreview })));

/** The generated register: page preview, 用系统程序打开 (to print), and a download link. */
export function RegisterPreview({ pdf, onClose }: { pdf: RegisterPdfResult | null; onClose: () => void }) {
  const close = () => {
    setOpenError(null);
    onClose();
  };

  const { opening, openError, setOpenError, openExternal: openSha } = useOpenExternal();
  const openExternal = async () => {
    if (pdf) await openSha(pdf.sha256);
  };

  return (
    <Modal
      open={pdf !== null}
      onCancel={close}
      title={pdf ? `${pdf.fileName.replace(/\.pdf$/, '')}（${pdf.cadres} 人，${pdf.pages} 页）` : ''}
      width={800}
      style={{ top: 24 }}
      destroyOnHidden
      footer={[
        <Button key="dl" icon={<DownloadOutlined />} href={pdf?.url} download={pdf?.fileName}>
          保存 PDF
        </Button>,
        <Button
          key="open"
          type="primary"
          icon={<ExportOutlined />}
          loading={opening}
          onClick={settle(openExternal)}
          data-testid="register-open-external"
        >
          用系统程序打开（打印）
        </Button>,
        <Button key="close" onClick={close}>
          关闭
        </Button>,
      ]}
    >
      {openError && <Alert type="warning" showIcon title={openError} style={{ marginBottom: 8 }} />}
      {pdf && (
        <div data-testid="register-preview">
          <Suspense fallback={<Spin style={{ display: 'block', margin: 40 }} />}>
            <PdfPreview url={pdf.url} fileName="考勤登记表.pdf" />
          </Suspense>
        </div>
      )}
    </Modal>
  );
}
