import { memo } from 'react';
import { Link } from 'react-router-dom';
import type { LiveStatus, Machine, MachineRisk, RiskEntry, ShiftOee } from './board-data';
import { count, dateTimeIn, percent, relativeTime, timeIn } from './format';
import { stateClass, stateLabel } from './machine-state';

function RiskBadge({ risk }: { risk: MachineRisk | null | undefined }) {
  const entry: RiskEntry | null = risk?.failure_risk ?? risk?.downtime_24h ?? null;
  if (!entry)
    return (
      <span className="risk risk-none" title="No model has scored this machine yet">
        Risk —
      </span>
    );
  const what = risk?.failure_risk ? 'Failure risk' : 'Downtime risk (24 h)';
  const high = entry.above_threshold === true;
  const threshold = entry.threshold === null ? '' : `, threshold ${percent(entry.threshold)}`;
  return (
    <span className={`risk ${high ? 'risk-high' : 'risk-low'}`} title={`${what}${threshold}, scored ${new Date(entry.predicted_at).toLocaleString()}`}>
      {high ? '⚠ ' : ''}
      {what === 'Failure risk' ? 'Risk' : 'Stop risk'} {percent(entry.predicted_value)}
      {high ? ' high' : ''}
    </span>
  );
}

/** "OEE, early shift", "OEE, last shift (late)", "OEE today (24/7)", and the period in the title. */
function ShiftOeeFact({ oee, timeZone }: { oee: ShiftOee | undefined; timeZone: string }) {
  if (!oee) return null;
  const what = oee.shift
    ? oee.shift.in_progress
      ? `OEE, ${oee.shift.name} shift`
      : `OEE, last shift (${oee.shift.name})`
    : oee.calendar === 'default_24x7'
      ? 'OEE today (24/7)'
      : 'OEE, last 24 h';
  const title = `${timeIn(oee.period.from, timeZone, true)} – ${timeIn(oee.period.to, timeZone, true)}`;
  return (
    <div>
      <dt>{what}</dt>
      <dd data-testid="shift-oee" title={title}>
        {oee.overall_oee === null ? 'no planned time' : percent(oee.overall_oee)}
      </dd>
    </div>
  );
}

/** One machine's tile; re-rendered only when its own data changes (a live board updates one machine at a time). */
export const MachineTile = memo(function MachineTile(props: {
  machine: Machine;
  status: LiveStatus | undefined;
  risk: MachineRisk | null | undefined;
  shiftOee?: ShiftOee;
  timeZone: string;
  now: number;
}) {
  const { machine, status, risk, shiftOee, timeZone, now } = props;
  const state = status?.state ?? 'UNKNOWN';
  const label = stateLabel(state);
  return (
    <article className={`tile ${stateClass(state)}`} data-machine-id={machine.machine_id} data-state={state} aria-labelledby={`m-${machine.machine_id}`}>
      <header className="tile-head">
        <h3 id={`m-${machine.machine_id}`}>
          <Link to={`/machines/${encodeURIComponent(machine.machine_id)}`}>{machine.name}</Link>
        </h3>
        <span className="tile-id">{machine.machine_id}</span>
      </header>
      <p className="state-badge" data-testid="state">
        <span className="visually-hidden">State: </span>
        {label}
        {state.toUpperCase() === 'UNAVAILABLE' ? <span className="state-note"> (data gap, not a stop)</span> : null}
      </p>
      <dl className="tile-facts">
        <div>
          <dt>Since</dt>
          <dd>
            {status?.since ? (
              <time dateTime={status.since} title={dateTimeIn(status.since, timeZone)}>
                {relativeTime(status.since, now)}
              </time>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {status?.reason_code ? (
          <div>
            <dt>Reason</dt>
            <dd>{status.reason_code}</dd>
          </div>
        ) : null}
        <div>
          <dt>Job</dt>
          <dd>{status?.current_job_id ?? 'none'}</dd>
        </div>
        <div>
          <dt>Parts</dt>
          <dd>{status?.part_count === null || status?.part_count === undefined ? '—' : count(status.part_count)}</dd>
        </div>
        <ShiftOeeFact oee={shiftOee} timeZone={timeZone} />
      </dl>
      <footer className="tile-foot">
        <span className="tile-meta">{[machine.type, machine.location].filter(Boolean).join(' · ')}</span>
        <RiskBadge risk={risk} />
      </footer>
    </article>
  );
});
