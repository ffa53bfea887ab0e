/**
 * One ECharts chart from an option (built by model/dashboard-view.ts). ECharts is imported piecemeal from
 * `echarts/core` (bar and line charts, grid, tooltip, legend, canvas renderer); this module is loaded
 * lazily, so the charts never weigh on the first screen.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import type { ChartOption } from '../model/dashboard-view.js';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** A chart of the given height (px) that follows the window's size. */
export function EChart({ option, height = 280, testId }: { option: ChartOption; height?: number; testId?: string }): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const chart = echarts.init(box.current);
    chart.setOption(option);
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={box} style={{ height }} data-testid={testId} />;
}
