/** 审计日志. */
export function AuditPage() {
  return (
    <div className="ob-page-title">
      <h2>审计日志</h2>
    </div>
  );
}
