/**
 * 等级分布: a bar chart of published grades. ECharts is imported piecemeal from `echarts/core` (bar chart,
 * grid, tooltip, canvas renderer) and this module is loaded lazily, so it never weighs on the first screen.
 */
import type { Grade, Lang } from '@jixiao/core';
import { GRADES } from '@jixiao/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { gradeColor, gradeText } from '../app/labels.js';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** The grade distribution chart. */
export function GradeChart({ grades, lang }: { grades: Record<Grade, number>; lang: Lang }): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return undefined;
    const chart = echarts.init(box.current);
    chart.setOption({
      animation: false,
      tooltip: {},
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: GRADES.map((g) => gradeText(g, lang)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: GRADES.map((g) => ({ value: grades[g], itemStyle: { color: gradeColor(g) } })) }],
    });
    const resize = (): void => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [grades, lang]);
  return <div ref={box} className="chart-box" data-testid="grade-chart" />;
}
