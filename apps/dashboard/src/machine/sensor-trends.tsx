import { useMemo } from 'react';
import { decimal, timeIn } from '../board/format';
import { Chart } from '../shared/chart';
import type { Readings } from './machine-data';

type Series = Readings['series'][number];

function SensorChart({ series, timeZone }: { series: Series; timeZone: string }) {
  const option = useMemo(() => {
    const times = series.points.map((p) => p.start);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => decimal(v, 2) },
      grid: { left: 48, right: 12, top: 12, bottom: 28 },
      xAxis: { type: 'category', data: times.map((t) => timeIn(t, timeZone, true)), boundaryGap: false },
      yAxis: { type: 'value', scale: true },
      series: [
        // The band between the bucket's min and max, drawn as a stack over an invisible min line.
        { name: 'min', type: 'line', data: series.points.map((p) => p.min), lineStyle: { opacity: 0 }, stack: 'band', symbol: 'none' },
        {
          name: 'range',
          type: 'line',
          data: series.points.map((p) => p.max - p.min),
          lineStyle: { opacity: 0 },
          areaStyle: { color: 'rgba(31,95,191,0.15)' },
          stack: 'band',
          symbol: 'none',
          tooltip: { show: false },
        },
        { name: 'mean', type: 'line', data: series.points.map((p) => p.mean), symbol: 'none', itemStyle: { color: '#1f5fbf' } },
      ],
    };
  }, [series, timeZone]);
  const last = series.points[series.points.length - 1];
  return (
    <figure className="sensor">
      <figcaption>
        <strong>{series.metric}</strong>
        {series.unit ? ` (${series.unit})` : ''} — last mean {decimal(last?.mean, 2)}
      </figcaption>
      <Chart option={option} label={`${series.metric}: mean and range by time`} height={180} />
    </figure>
  );
}

/** Each sensor's readings over the period: the mean of each bucket, and its range as a band. */
export function SensorTrends({ readings, timeZone }: { readings: Readings; timeZone: string }) {
  if (readings.series.length === 0) return <p className="help">No sensor readings in this period.</p>;
  return (
    <div className="sensors" data-testid="sensors">
      {readings.series.map((s) => (
        <SensorChart key={s.metric} series={s} timeZone={timeZone} />
      ))}
    </div>
  );
}
