import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect } from 'react';
import { useEChart } from '../../../lib/use-echart';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Props = {
  points: { label: string; score: number }[];
  /** Level lines (清洁户 60, 示范户 80, 精品户 90 …) drawn across the chart. */
  thresholds: { name: string; value: number }[];
  ariaLabel: string;
};

/** A household's score month by month, with the rating thresholds as dashed lines. */
export const ScoreTrendChart = ({ points, thresholds, ariaLabel }: Props) => {
  const { el, chart } = useEChart();

  useEffect(() => {
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        grid: { left: 8, right: 56, top: 16, bottom: 8, containLabel: true },
        xAxis: { type: 'category', data: points.map((p) => p.label), boundaryGap: false },
        yAxis: {
          type: 'value',
          min: (v: { min: number }) =>
            Math.max(0, Math.floor((Math.min(v.min, ...thresholds.map((x) => x.value)) - 5) / 10) * 10),
        },
        series: [
          {
            type: 'line',
            data: points.map((p) => p.score),
            itemStyle: { color: '#c41d7f' },
            symbolSize: 8,
            markLine: {
              silent: true,
              symbol: 'none',
              lineStyle: { type: 'dashed', color: '#8c8c8c' },
              label: { formatter: '{b}', position: 'insideEndTop', color: '#8c8c8c' },
              data: thresholds.map((x) => ({ name: x.name, yAxis: x.value })),
            },
          },
        ],
      },
      true,
    );
  }, [points, thresholds, chart.current?.setOption]);

  return <div ref={el} className="bbt-chart" role="img" aria-label={ariaLabel} data-testid="score-trend" />;
};
