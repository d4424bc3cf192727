import { BackupsPanel } from './BackupsPanel';
import { CheckPanel } from './CheckPanel';
import { RestorePreview, useBackupPreview } from './RestorePreview';
import './integrity.css';

/** 检查与备份: the integrity check, the backups, and the restore preview. */
export function IntegrityPage() {
  const preview = useBackupPreview();
  return (
    <div className="ob-scroll ob-integrity">
      <div className="ob-page-title">
        <h2>检查与备份</h2>
      </div>
      <CheckPanel />
      <BackupsPanel onPreview={(dir) => void preview.load(dir)} />
      <RestorePreview state={preview} />
    </div>
  );
}
