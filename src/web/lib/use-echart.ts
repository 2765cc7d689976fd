import type * as echarts from 'echarts/core';
import { init } from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * An echarts instance on the returned element's ref, resized with its box and disposed on unmount;
 * `pick` holds the latest `onPick` for a click handler set once per option. The chart component
 * registers the (few) echarts parts it draws with and sets its option.
 */
export const useEChart = <P>(onPick?: P) => {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  return { el, chart, pick };
};
