import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from '../../../lib/use-echart';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  CanvasRenderer,
]);

export type TrendLine = {
  name: string;
  values: (number | null)[];
  color: string;
  dashed?: boolean;
  /**
   * Figures not final yet (the running month, 截至今日): drawn as hollow, lighter points that no line
   * joins to the months before, so an unfinished month never reads as a fall.
   */
  isPartial?: boolean;
};

type Props = {
  categories: string[];
  lines: TrendLine[];
  /** Tap on a point: the category index and the line index. */
  onPick: (index: number, line: number) => void;
  ariaLabel: string;
  /** `bar`: horizontal bars (one line), e.g. villages ranked. */
  kind?: 'line' | 'bar';
  height?: number;
  testId?: string;
};

/** This year against last (a line per year), or units ranked as horizontal bars; points open their records. */
export const TrendChart = ({
  categories,
  lines,
  onPick,
  ariaLabel,
  kind = 'line',
  height,
  testId,
}: Props) => {
  const { el, chart, pick } = useEChart(onPick);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const isBar = kind === 'bar';
    const category = {
      type: 'category' as const,
      data: categories,
      inverse: isBar,
      axisLabel: isBar ? { width: 84, overflow: 'truncate' as const } : { hideOverlap: true },
    };
    const value = { type: 'value' as const, minInterval: 1 };
    c.setOption(
      {
        tooltip: { trigger: 'axis', axisPointer: { type: isBar ? 'shadow' : 'line' } },
        legend: lines.length > 1 ? { top: 0 } : undefined,
        grid: { left: 8, right: 16, top: lines.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
        xAxis: isBar ? value : category,
        yAxis: isBar ? category : value,
        series: lines.map((l) => ({
          type: isBar ? 'bar' : l.isPartial ? 'scatter' : 'line',
          name: l.name,
          data: l.values,
          smooth: false,
          symbol: l.isPartial ? 'emptyCircle' : 'circle',
          symbolSize: l.isPartial ? 12 : 8,
          showAllSymbol: true,
          connectNulls: false,
          barMaxWidth: 22,
          itemStyle: l.isPartial
            ? { color: l.color, opacity: 0.6, borderType: 'dashed' }
            : { color: l.color },
          lineStyle: l.dashed ? { type: 'dashed', width: 2 } : { width: 3 },
          label: l.isPartial ? { show: true, position: 'top', color: l.color } : undefined,
        })),
      },
      true,
    );
    c.off('click');
    c.on('click', (p) => {
      if (p.dataIndex === undefined || p.value === null || p.value === undefined) return;
      pick.current?.(p.dataIndex, p.seriesIndex ?? 0);
    });
  }, [categories, lines, kind, chart.current, pick.current]);

  return (
    <div
      ref={el}
      className="bbt-report-chart"
      style={height ? { height } : undefined}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
};
