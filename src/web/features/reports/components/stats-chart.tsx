import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from '../../../lib/use-echart';

// Only what a bar chart needs: the full `echarts` bundle would add ~1 MB to this page.
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type ChartSeries = { key: string; name: string; values: number[] };

type Props = {
  categories: { key: string; name: string }[];
  series: ChartSeries[];
  /** Tap on a bar: the category key and (for several series) the series key. */
  onPick: (categoryKey: string, seriesKey: string | undefined) => void;
  ariaLabel: string;
};

/** A bar chart (stacked when there are several series) whose bars open the records behind them. */
export const StatsChart = ({ categories, series, onPick, ariaLabel }: Props) => {
  const { el, chart, pick } = useEChart(onPick);

  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const isStacked = series.length > 1;
    c.setOption(
      {
        tooltip: { trigger: isStacked ? 'axis' : 'item', axisPointer: { type: 'shadow' } },
        legend: isStacked ? { type: 'scroll', top: 0 } : undefined,
        grid: { left: 8, right: 16, top: isStacked ? 36 : 16, bottom: 8, containLabel: true },
        xAxis: {
          type: 'category',
          data: categories.map((cat) => cat.name),
          axisLabel: { interval: 0, rotate: categories.length > 6 ? 35 : 0, hideOverlap: true },
        },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          type: 'bar',
          name: s.name,
          stack: isStacked ? 'total' : undefined,
          data: s.values,
          itemStyle: isStacked ? undefined : { color: '#c41d7f' },
          barMaxWidth: 48,
        })),
      },
      true,
    );
    c.off('click');
    c.on('click', (p) => {
      const cat = categories[p.dataIndex];
      if (!cat) return;
      pick.current?.(cat.key, isStacked ? series[p.seriesIndex ?? 0]?.key : undefined);
    });
  }, [categories, series, chart.current, pick.current]);

  return (
    <div ref={el} className="bbt-stats-chart" role="img" aria-label={ariaLabel} data-testid="stats-chart" />
  );
};
