import { useMemo } from 'react';
import { count, decimal, duration, ratio, timeIn } from '../board/format';
import { Chart } from '../shared/chart';
import type { OeeMetrics } from './machine-data';
import { sixBigLosses } from './waterfall';

const pct = (v: number | null): number | null => (v === null ? null : Math.round(v * 1000) / 10);

/** OEE with availability, performance and quality for the period, by bucket, and its six big losses. */
export function OeePanel({ oee, timeZone }: { oee: OeeMetrics; timeZone: string }) {
  const series = useMemo(() => oee.series ?? [], [oee.series]);
  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v} %`) },
      legend: { top: 0 },
      grid: { left: 40, right: 12, top: 36, bottom: 28 },
      xAxis: {
        type: 'category',
        data: series.map((b) => (oee.granularity === 'shift' ? b.label : timeIn(b.period.from, timeZone, oee.granularity === 'day'))),
      },
      yAxis: { type: 'value', min: 0, max: (v: { max: number }) => Math.max(100, Math.ceil(v.max / 10) * 10), axisLabel: { formatter: '{value} %' } },
      series: [
        { name: 'OEE', type: 'bar', data: series.map((b) => pct(b.overall_oee)), itemStyle: { color: '#1f5fbf' } },
        { name: 'Availability', type: 'line', data: series.map((b) => pct(b.availability)), itemStyle: { color: '#1b7a38' } },
        { name: 'Performance', type: 'line', data: series.map((b) => pct(b.performance)), itemStyle: { color: '#b26a00' } },
        { name: 'Quality', type: 'line', data: series.map((b) => pct(b.quality)), itemStyle: { color: '#6b3fa0' } },
      ],
    }),
    [series, oee.granularity, timeZone],
  );
  const steps = useMemo(() => sixBigLosses(oee), [oee]);
  const waterfall = useMemo(
    () => ({
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        formatter: (items: { name: string; dataIndex: number }[]) => `${items[0].name}: ${duration(steps[items[0].dataIndex].value)}`,
      },
      grid: { left: 56, right: 12, top: 12, bottom: 64 },
      xAxis: { type: 'category', data: steps.map((s) => s.label), axisLabel: { interval: 0, rotate: 25 } },
      // Hours on the axis, so that its ticks fall on round hours.
      yAxis: { type: 'value', axisLabel: { formatter: '{value} h' } },
      series: [
        { type: 'bar', stack: 'w', silent: true, itemStyle: { color: 'transparent' }, data: steps.map((s) => s.base / 3600) },
        { type: 'bar', stack: 'w', data: steps.map((s) => ({ value: s.value / 3600, itemStyle: { color: s.kind === 'total' ? '#1f5fbf' : '#b3261e' } })) },
      ],
    }),
    [steps],
  );
  const tm = oee.time_model;
  return (
    <section className="panel" aria-labelledby="oee-title" data-testid="oee">
      <h2 id="oee-title">OEE</h2>
      <dl className="kpis">
        <div>
          <dt>OEE</dt>
          <dd data-testid="oee-value">{ratio(oee.overall_oee)}</dd>
        </div>
        <div>
          <dt>Availability</dt>
          <dd>{ratio(oee.availability)}</dd>
        </div>
        <div>
          <dt>Performance</dt>
          <dd>{ratio(oee.performance)}</dd>
        </div>
        <div>
          <dt>Quality</dt>
          <dd>{ratio(oee.quality)}</dd>
        </div>
        <div>
          <dt>Good / total parts</dt>
          <dd>
            {decimal(oee.counts.good, 2)} / {decimal(oee.counts.total, 2)}
          </dd>
        </div>
      </dl>
      <p className="help">
        Planned production time {duration(tm.planned_production_time)}, run time {duration(tm.run_time)}
        {oee.calendar === 'default_24x7' ? ' (no shift calendar is set: planned around the clock)' : ''}. MTBF {duration(oee.kpis.mtbf)}, MTTR{' '}
        {duration(oee.kpis.mttr)}, {count(oee.kpis.failures)} failures.
      </p>
      {series.length > 0 ? <Chart option={trend} label={`OEE, availability, performance and quality by ${oee.granularity}`} testId="oee-chart" /> : null}
      <h3>Six big losses</h3>
      {tm.planned_production_time > 0 ? (
        <>
          <Chart option={waterfall} label="From planned production time to fully productive time, step by step" height={300} testId="losses-waterfall" />
          <table className="data-table compact">
            <caption className="visually-hidden">The six big losses</caption>
            <tbody>
              {steps.map((s) => (
                <tr key={s.label}>
                  <th scope="row">{s.label}</th>
                  <td className="num">{s.kind === 'loss' ? `− ${duration(s.value)}` : duration(s.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : (
        <p className="help">No planned production time in this period: nothing was lost.</p>
      )}
    </section>
  );
}
