import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { Session, SessionState } from '../api/session';
import { useLive, useShopTimeZone } from '../board/board-data';
import { browserTimeZone, relativeTime } from '../board/format';
import { stateClass, stateLabel } from '../board/machine-state';
import { Loading, QueryState } from '../shared/page-state';
import { addDays, daysPeriod, isDate, todayIn } from '../shared/zone-time';
import { JobsTable } from './jobs-table';
import { useDowntime, useJobs, useMachine, useMachineRisk, useOee, useReadings, useStates, type Granularity } from './machine-data';
import { OeePanel } from './oee-panel';
import { PredictionsPanel } from './predictions-panel';
import { SensorTrends } from './sensor-trends';
import { Timeline } from './timeline';
import './machine.css';

const GRANULARITIES: Granularity[] = ['hour', 'shift', 'day'];

/** One machine: its day (or week) as a state timeline, OEE and losses, jobs, sensors and predictions. */
export default function MachinePage({ session }: { session: Session; user: SessionState }) {
  const machineId = useParams().machineId ?? '';
  const [params, setParams] = useSearchParams();
  const zone = useShopTimeZone(session, machineId);
  const timeZone = zone.data ?? browserTimeZone();
  const week = params.get('span') === 'week';
  const date = isDate(params.get('date')) ? (params.get('date') as string) : todayIn(timeZone);
  const byParam = params.get('by') as Granularity | null;
  const by: Granularity = byParam && GRANULARITIES.includes(byParam) ? byParam : week ? 'day' : 'hour';
  const period = useMemo(() => daysPeriod(week ? addDays(date, -6) : date, week ? 7 : 1, timeZone), [date, week, timeZone]);

  const machine = useMachine(session, machineId);
  const live = useLive(session);
  const states = useStates(session, machineId, period);
  const stops = useDowntime(session, machineId, period);
  const jobs = useJobs(session, machineId, period);
  const oee = useOee(session, machineId, period, by);
  const readings = useReadings(session, machineId, period);
  const risk = useMachineRisk(session, machineId);

  const set = (changes: Record<string, string | null>): void =>
    setParams((p) => {
      for (const [k, v] of Object.entries(changes)) {
        if (v === null) p.delete(k);
        else p.set(k, v);
      }
      return p;
    });
  const status = live.data?.items.find((s) => s.machine_id === machineId);
  const zoneNote = zone.data
    ? `Times in the machine's shift-calendar zone (${zone.data}).`
    : `Times in your browser's zone (${timeZone}): no shift calendar is set.`;

  if (zone.isPending)
    return (
      <main className="page">
        <Loading what="the machine" />
      </main>
    );
  if (machine.error || machine.isPending) {
    return (
      <main className="page">
        <p>
          <Link to="/">← Shop floor</Link>
        </p>
        <QueryState query={machine} what="the machine">
          {() => null}
        </QueryState>
      </main>
    );
  }
  const m = machine.data;
  const days = week ? 7 : 1;
  return (
    <main className="page machine-page">
      <p className="crumbs">
        <Link to="/">← Shop floor</Link>
      </p>
      <header className="machine-head">
        <h1>{m.name}</h1>
        <span className="tile-id">{m.machine_id}</span>
        <span className="tile-meta">{[m.type, m.location].filter(Boolean).join(' · ')}</span>
        {status ? (
          <span className={`state-badge ${stateClass(status.state)}`} data-testid="machine-state">
            {stateLabel(status.state)}
            {status.reason_code ? ` (${status.reason_code})` : ''}
            {status.since ? `, ${relativeTime(status.since, Date.now())}` : ''}
          </span>
        ) : null}
      </header>
      <div className="toolbar" role="group" aria-label="Period">
        <button type="button" onClick={() => set({ date: addDays(date, -days) })}>
          ← Earlier
        </button>
        <label>
          {week ? 'Week ending' : 'Day'}
          <input type="date" value={date} max={todayIn(timeZone)} onChange={(e) => set({ date: isDate(e.target.value) ? e.target.value : null })} />
        </label>
        <button type="button" onClick={() => set({ date: addDays(date, days) })} disabled={date >= todayIn(timeZone)}>
          Later →
        </button>
        <label>
          Span
          <select value={week ? 'week' : 'day'} onChange={(e) => set({ span: e.target.value === 'week' ? 'week' : null, by: null })}>
            <option value="day">Day</option>
            <option value="week">Week</option>
          </select>
        </label>
        <label>
          OEE by
          <select value={by} onChange={(e) => set({ by: e.target.value })}>
            {GRANULARITIES.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <span className="help">{zoneNote}</span>
      </div>

      <section className="panel" aria-labelledby="timeline-title">
        <h2 id="timeline-title">Timeline</h2>
        <QueryState query={states} what="the timeline">
          {(s) => (
            <QueryState query={stops} what="the stops">
              {(d) => (
                <QueryState query={jobs} what="the jobs">
                  {(j) => <Timeline period={period} states={s} stops={d} jobs={j} timeZone={timeZone} />}
                </QueryState>
              )}
            </QueryState>
          )}
        </QueryState>
      </section>

      <QueryState query={oee} what="the OEE">
        {(o) => <OeePanel oee={o} timeZone={timeZone} />}
      </QueryState>

      <section className="panel" aria-labelledby="jobs-title">
        <h2 id="jobs-title">Jobs</h2>
        <QueryState query={jobs} what="the jobs">
          {(j) => <JobsTable jobs={j} timeZone={timeZone} />}
        </QueryState>
      </section>

      <section className="panel" aria-labelledby="sensors-title">
        <h2 id="sensors-title">Sensors</h2>
        <QueryState query={readings} what="the sensor readings">
          {(r) => <SensorTrends readings={r} timeZone={timeZone} />}
        </QueryState>
      </section>

      <section className="panel" aria-labelledby="predictions-title">
        <h2 id="predictions-title">Predictions</h2>
        <QueryState query={risk} what="the predictions">
          {(r) => <PredictionsPanel risk={r} timeZone={timeZone} />}
        </QueryState>
      </section>
    </main>
  );
}
