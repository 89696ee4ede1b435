import { TableWrap } from '../shared/table-wrap';
import type { components } from '@shopfloor/client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { errorMessage, type Session, type SessionState } from '../api/session';
import { ApiError, useMachines, useShopTimeZone } from '../board/board-data';
import { browserTimeZone, count, duration, ratio } from '../board/format';
import { Chart } from '../shared/chart';
import { Empty, Loading, QueryState } from '../shared/page-state';
import { choosePeriod, PRESETS, type PeriodPreset } from './period-choice';
import './losses.css';

type Patterns = components['schemas']['DowntimePatternsView'];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const CATEGORY: Record<string, string> = { unplanned_stop: 'unplanned', planned_stop: 'planned', small_stop: 'small stop' };
const hours = (seconds: number): number => Math.round((seconds / 3600) * 100) / 100;

function Pareto({ patterns }: { patterns: Patterns }) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 56, right: 48, top: 36, bottom: 72 },
      xAxis: { type: 'category', data: patterns.pareto.map((p) => p.reason_code), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [
        { type: 'value', name: 'hours', axisLabel: { formatter: '{value} h' } },
        { type: 'value', name: 'cumulative', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
      ],
      series: [
        {
          name: 'Lost time',
          type: 'bar',
          data: patterns.pareto.map((p) => hours(p.duration)),
          itemStyle: { color: '#b3261e' },
          tooltip: { valueFormatter: (v: number) => `${v} h` },
        },
        {
          name: 'Cumulative share',
          type: 'line',
          yAxisIndex: 1,
          data: patterns.pareto.map((p) => (p.cumulative_share === null ? null : Math.round(p.cumulative_share * 1000) / 10)),
          itemStyle: { color: '#1a1d21' },
          tooltip: { valueFormatter: (v: number) => `${v} %` },
        },
      ],
    }),
    [patterns],
  );
  return (
    <section className="panel" aria-labelledby="pareto-title">
      <h2 id="pareto-title">Downtime by reason</h2>
      <Chart option={option} label="Lost time by reason, largest first, with the cumulative share" testId="pareto-chart" />
      <TableWrap label="Lost time by reason">
        <table className="data-table" data-testid="pareto">
          <caption className="visually-hidden">Lost time by reason</caption>
          <thead>
            <tr>
              <th scope="col">Reason</th>
              <th scope="col">Kind</th>
              <th scope="col" className="num">
                Lost time
              </th>
              <th scope="col" className="num">
                Stops
              </th>
              <th scope="col" className="num">
                Share
              </th>
              <th scope="col" className="num">
                Cumulative
              </th>
            </tr>
          </thead>
          <tbody>
            {patterns.pareto.map((p) => (
              <tr key={`${p.reason_code}:${p.category}`}>
                <td>{p.reason_code}</td>
                <td>{CATEGORY[p.category] ?? p.category}</td>
                <td className="num">{duration(p.duration)}</td>
                <td className="num">{count(p.count)}</td>
                <td className="num">{ratio(p.share)}</td>
                <td className="num">{ratio(p.cumulative_share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

function HeatMap({ patterns }: { patterns: Patterns }) {
  const option = useMemo(() => {
    const cells = patterns.heatmap.map((c) => [c.hour, WEEKDAYS.indexOf(c.weekday), Math.round(c.duration / 60)]);
    const max = Math.max(1, ...cells.map((c) => c[2]));
    return {
      tooltip: { formatter: (p: { value: number[] }) => `${WEEKDAY_NAMES[p.value[1]]} ${String(p.value[0]).padStart(2, '0')}:00 — ${p.value[2]} min lost` },
      grid: { left: 48, right: 12, top: 8, bottom: 64 },
      xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')), splitArea: { show: true } },
      yAxis: { type: 'category', data: WEEKDAY_NAMES, inverse: true, splitArea: { show: true } },
      visualMap: {
        min: 0,
        max,
        calculable: true,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        inRange: { color: ['#f7f8f9', '#f2c94c', '#b3261e'] },
        text: ['more', 'less'],
      },
      series: [{ type: 'heatmap', data: cells }],
    };
  }, [patterns]);
  return (
    <section className="panel" aria-labelledby="heat-title">
      <h2 id="heat-title">When stops happen</h2>
      <p className="help">Minutes lost by hour of the day and weekday, on the wall clock of {patterns.timezone}.</p>
      <Chart option={option} label={`Minutes lost by hour of day and weekday (${patterns.timezone})`} height={300} testId="heatmap" />
    </section>
  );
}

function TopLosers({ patterns }: { patterns: Patterns }) {
  if (patterns.top_losers.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="losers-title">
      <h2 id="losers-title">Machines losing the most</h2>
      <TableWrap label="Machines losing the most">
        <table className="data-table" data-testid="top-losers">
          <caption className="visually-hidden">Machines with the most unplanned stop time</caption>
          <thead>
            <tr>
              <th scope="col">Machine</th>
              <th scope="col" className="num">
                Unplanned stops
              </th>
              <th scope="col" className="num">
                Small stops
              </th>
              <th scope="col" className="num">
                Planned stops
              </th>
              <th scope="col" className="num">
                Failures
              </th>
              <th scope="col" className="num">
                Availability
              </th>
              <th scope="col" className="num">
                MTBF
              </th>
              <th scope="col" className="num">
                MTTR
              </th>
            </tr>
          </thead>
          <tbody>
            {patterns.top_losers.map((m) => (
              <tr key={m.machine_id}>
                <td>
                  <Link to={`/machines/${encodeURIComponent(m.machine_id)}`}>{m.machine_id}</Link>
                </td>
                <td className="num">{duration(m.unplanned_stop_time)}</td>
                <td className="num">{duration(m.small_stop_time)}</td>
                <td className="num">{duration(m.planned_stop_time)}</td>
                <td className="num">{count(m.failures)}</td>
                <td className="num">{ratio(m.availability)}</td>
                <td className="num">{duration(m.mtbf)}</td>
                <td className="num">{duration(m.mttr)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </section>
  );
}

/** Where the time goes: downtime Pareto, the hour × weekday heat map, MTBF/MTTR and the top losers, for any period. */
export default function LossesPage({ session }: { session: Session; user: SessionState }) {
  const [params, setParams] = useSearchParams();
  const zone = useShopTimeZone(session);
  const machines = useMachines(session);
  const timeZone = zone.data ?? browserTimeZone();
  const preset = (PRESETS.some((p) => p.value === params.get('period')) ? params.get('period') : '7d') as PeriodPreset;
  const machineId = params.get('machine') ?? '';
  const period = choosePeriod(preset, timeZone, params.get('from'), params.get('to'));
  const patterns = useQuery({
    queryKey: ['downtime-patterns', machineId, period.from, period.to],
    enabled: !zone.isPending,
    queryFn: async () => {
      const { data, error } = await session.api.GET('/api/v1/analytics/downtime-patterns', {
        params: { query: { from: period.from, to: period.to, ...(machineId ? { machine_id: machineId } : {}) } },
      });
      if (!data) throw new ApiError(errorMessage(error, 'The downtime patterns could not be read.'));
      return data;
    },
  });
  const set = (name: string, value: string): void =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });

  return (
    <main className="page losses-page">
      <h1>Losses</h1>
      <div className="toolbar" role="group" aria-label="Selection">
        <label>
          Period
          <select value={preset} onChange={(e) => set('period', e.target.value)}>
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
        {preset === 'custom' ? (
          <>
            <label>
              From
              <input type="date" value={params.get('from') ?? period.first} onChange={(e) => set('from', e.target.value)} />
            </label>
            <label>
              To
              <input type="date" value={params.get('to') ?? period.last} onChange={(e) => set('to', e.target.value)} />
            </label>
          </>
        ) : null}
        <label>
          Machine
          <select value={machineId} onChange={(e) => set('machine', e.target.value)}>
            <option value="">All machines</option>
            {(machines.data ?? []).map((m) => (
              <option key={m.machine_id} value={m.machine_id}>
                {m.name} ({m.machine_id})
              </option>
            ))}
          </select>
        </label>
      </div>
      {period.problem ? (
        <p className="notice" role="status">
          {period.problem}
        </p>
      ) : null}
      {zone.isPending ? (
        <Loading what="the losses" />
      ) : (
        <QueryState query={patterns} what="the losses">
          {(p) => (
            <>
              <dl className="kpis" data-testid="loss-kpis" data-from={p.period.from} data-to={p.period.to}>
                <div>
                  <dt>Lost time</dt>
                  <dd>{duration(p.lost_time)}</dd>
                </div>
                <div>
                  <dt>Failures</dt>
                  <dd>{count(p.failures)}</dd>
                </div>
                <div>
                  <dt>MTBF</dt>
                  <dd>{duration(p.mtbf)}</dd>
                </div>
                <div>
                  <dt>MTTR</dt>
                  <dd>{duration(p.mttr)}</dd>
                </div>
              </dl>
              <p className="help">
                {period.first === period.last ? period.first : `${period.first} to ${period.last}`} ({timeZone}),{' '}
                {p.machine_id ? `machine ${p.machine_id}` : `${count(p.machine_count)} machines`}; planned time per{' '}
                {p.calendar === 'default_24x7'
                  ? 'no shift calendar (around the clock)'
                  : p.calendar === 'mixed'
                    ? "each machine's shift calendar"
                    : 'the shift calendar'}
                . Stops shorter than {duration(p.micro_stop_threshold_seconds)} count as small stops.
              </p>
              {p.pareto.length === 0 ? (
                <Empty>
                  <p>No stops in this period{p.machine_id ? ' on this machine' : ''}.</p>
                  <p>Choose a longer period, or check the Data screen if stops were expected.</p>
                </Empty>
              ) : (
                <>
                  <Pareto patterns={p} />
                  <HeatMap patterns={p} />
                  <TopLosers patterns={p} />
                </>
              )}
            </>
          )}
        </QueryState>
      )}
    </main>
  );
}
