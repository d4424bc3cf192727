/**
 * A small ECharts host. Only the charts and components the statistics page uses are
 * registered (echarts/core), so the bundle stays small; nothing is fetched at run time.
 * The canvas draws text once, so the bundled CJK font is loaded before the first draw —
 * otherwise a machine without Chinese fonts would show boxes.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { FONT_STACK } from '../app/fonts';

echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;
export interface ChartClick {
  name: string;
  dataIndex: number;
}

let fontReady: Promise<unknown> | null = null;
function whenFontReady(): Promise<unknown> {
  fontReady ??= Promise.race([
    document.fonts.load('12px "OneBag Sans"', '统计项目资金达标率').catch(() => undefined),
    new Promise((r) => setTimeout(r, 3000)),
  ]);
  return fontReady;
}

export function EChart({
  option,
  onClick,
  height,
  testId,
  label,
}: { option: ChartOption; onClick?: (c: ChartClick) => void; height: number; testId: string; label: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  const latest = useRef(option);
  useEffect(() => {
    click.current = onClick;
  }, [onClick]);

  useEffect(() => {
    let disposed = false;
    const el = box.current!;
    const ro = new ResizeObserver(() => chart.current?.resize());
    void whenFontReady().then(() => {
      if (disposed) return;
      const c = echarts.init(el, undefined, { renderer: 'canvas' });
      chart.current = c;
      c.on('click', (p) => click.current?.({ name: String(p.name), dataIndex: p.dataIndex }));
      c.setOption({ textStyle: { fontFamily: FONT_STACK }, ...latest.current });
      ro.observe(el);
    });
    return () => {
      disposed = true;
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
    // The chart is created once; option changes are applied below.
  }, []);

  useEffect(() => {
    latest.current = option;
    chart.current?.setOption({ textStyle: { fontFamily: FONT_STACK }, ...option }, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height, width: '100%', cursor: onClick ? 'pointer' : undefined }}
    />
  );
}
