/** 数据交换. */
export function ExchangePage() {
  return (
    <div className="ob-page-title">
      <h2>数据交换</h2>
    </div>
  );
}
