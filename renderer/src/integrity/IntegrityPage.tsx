/** 检查与备份. */
export function IntegrityPage() {
  return (
    <div className="ob-page-title">
      <h2>检查与备份</h2>
    </div>
  );
}
