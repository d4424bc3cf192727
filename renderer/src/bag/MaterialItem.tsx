import { DeleteOutlined, EditOutlined, FileImageOutlined, FileOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Tag, Tooltip } from 'antd';
import { dateLabel } from '../../../shared/dates';
import { FILE_FLAG_LABELS, FILE_KIND_LABELS, type Material, type StoredFile } from '../../../shared/domain';
import { formatSize } from '../../../shared/fileSize';
import { ReportLinkTag } from '../worklog/ReportLinkTag';

const fileIcon = (f: StoredFile) =>
  f.kind === 'pdf' ? (
    <FilePdfOutlined style={{ color: '#b42318' }} />
  ) : f.kind === 'jpeg' || f.kind === 'png' || f.kind === 'tiff' ? (
    <FileImageOutlined style={{ color: '#1d4f91' }} />
  ) : (
    <FileOutlined />
  );

/** One material in the bag: title, date, 文号 and its files (click a file to preview it). */
export function MaterialItem({
  material,
  onPreview,
  onEdit,
  onRemove,
}: {
  material: Material;
  onPreview: (f: StoredFile) => void;
  /** Left out for review copies: the buttons are not shown. */
  onEdit?: () => void;
  onRemove?: () => void;
}) {
  return (
    <div
      data-testid="material-item"
      style={{ display: 'flex', gap: 12, padding: '8px 4px', borderBottom: '1px solid #f0f0f0', alignItems: 'flex-start' }}
    >
      <div style={{ flex: 1, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 12, alignItems: 'baseline', flexWrap: 'wrap' }}>
          <span style={{ fontWeight: 500, color: '#1f2937' }} data-testid="material-title">
            {material.title}
          </span>
          <span className="ob-muted">{material.date ? dateLabel(material.date) : `${material.year} 年度`}</span>
          {material.docNumber && <span className="ob-muted">文号：{material.docNumber}</span>}
          {material.responsible && <span className="ob-muted">责任者：{material.responsible}</span>}
          {material.secrecy !== '公开' && <span style={{ color: '#b42318' }}>{material.secrecy}</span>}
          <ReportLinkTag material={material} editable={!!onEdit} />
        </div>
        <div style={{ display: 'flex', gap: 14, flexWrap: 'wrap', marginTop: 4 }}>
          {material.files.map((f) => (
            <Tooltip key={f.sha256} title={`${f.originalName} · ${formatSize(f.size)}`}>
              <span className="ob-file-link" onClick={() => onPreview(f)} data-testid="material-file" role="button" tabIndex={0}>
                {fileIcon(f)} {FILE_KIND_LABELS[f.kind]}
                {f.pageCount ? `，${f.pageCount} 页` : ''}
                <span
                  className="ob-muted"
                  style={{
                    marginLeft: 4,
                    maxWidth: 260,
                    display: 'inline-block',
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                    verticalAlign: 'bottom',
                  }}
                >
                  {f.originalName}
                </span>
                {(f.flags ?? []).map((flag) => (
                  <Tooltip key={flag} title="该文件含有可执行内容。已归档，本软件查看时不会运行；请勿用其他软件打开其中的脚本或附件">
                    <Tag color="red" style={{ marginLeft: 6, marginRight: 0 }} data-testid="file-flag">
                      {FILE_FLAG_LABELS[flag]}
                    </Tag>
                  </Tooltip>
                ))}
              </span>
            </Tooltip>
          ))}
        </div>
      </div>
      {onEdit && (
        <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit}>
          编辑
        </Button>
      )}
      {onRemove && (
        <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={onRemove}>
          删除
        </Button>
      )}
    </div>
  );
}
