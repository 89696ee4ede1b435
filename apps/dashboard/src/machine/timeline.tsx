import { count, duration, timeIn } from '../board/format';
import { stateClass, stateLabel } from '../board/machine-state';
import type { Downtime, Job, Period, StateTimeline } from './machine-data';

interface Segment {
  key: string;
  start: number;
  end: number;
  className: string;
  text: string;
  title: string;
}

/** Position of [start, end) on the period's axis, in percent, clipped to it. */
export function place(start: number, end: number, from: number, to: number): { left: number; width: number } | null {
  const a = Math.max(start, from);
  const b = Math.min(end, to);
  if (!(b > a) || !(to > from)) return null;
  return { left: ((a - from) / (to - from)) * 100, width: ((b - a) / (to - from)) * 100 };
}

/** Tick marks every `stepHours` on the wall clock of the zone (shown at the shop's whole hours). */
function ticks(from: number, to: number, timeZone: string, withDate: boolean): { at: number; label: string }[] {
  const span = to - from;
  const stepHours = span <= 26 * 3_600_000 ? 3 : 24;
  const out: { at: number; label: string }[] = [];
  for (let t = Math.ceil(from / 3_600_000) * 3_600_000; t < to; t += 3_600_000) {
    const hour = Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone }).format(new Date(t)));
    if (hour % stepHours === 0) out.push({ at: t, label: timeIn(new Date(t).toISOString(), timeZone, withDate && hour === 0) });
  }
  return out;
}

function Lane({ name, segments, from, to, empty }: { name: string; segments: Segment[]; from: number; to: number; empty: string }) {
  return (
    <div className="lane">
      <div className="lane-name">{name}</div>
      <ul className="lane-track" aria-label={name}>
        {segments.length === 0 ? <li className="lane-empty">{empty}</li> : null}
        {segments.map((s) => {
          const at = place(s.start, s.end, from, to);
          if (!at) return null;
          return (
            <li key={s.key} className={`segment ${s.className}`} style={{ left: `${at.left}%`, width: `max(${at.width}%, 2px)` }} title={s.title}>
              <span className="visually-hidden">{s.title}</span>
              {at.width > 6 ? <span aria-hidden="true">{s.text}</span> : null}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The period as a Gantt strip: recorded states, stops with their reasons, and jobs, on one time axis. */
export function Timeline(props: { period: Period; states: StateTimeline; stops: Downtime[]; jobs: Job[]; timeZone: string }) {
  const { period, states, stops, jobs, timeZone } = props;
  const from = Date.parse(period.from);
  const to = Date.parse(period.to);
  const week = to - from > 26 * 3_600_000;
  const span = (a: string, b: string) => `${timeIn(a, timeZone, week)}–${timeIn(b, timeZone, week)}`;
  const stateSegments: Segment[] = states.items.map((s, i) => ({
    key: `s${i}`,
    start: Date.parse(s.start),
    end: Date.parse(s.end),
    className: stateClass(s.state),
    text: stateLabel(s.state),
    title: `${stateLabel(s.state)}${s.reason_code ? ` (${s.reason_code})` : ''}, ${span(s.start, s.end)}, ${duration(s.duration)}`,
  }));
  const stopSegments: Segment[] = stops.map((d) => ({
    key: d.record_id,
    start: Date.parse(d.start_time),
    end: Date.parse(d.end_time),
    className: `stop stop-${d.downtime_type.toLowerCase().replace(/[^a-z_]/g, '')}`,
    text: d.reason_code ?? d.downtime_type,
    title: `${d.downtime_type}${d.reason_code ? `: ${d.reason_code}` : ''}${d.description ? ` — ${d.description}` : ''}, ${span(d.start_time, d.end_time)}, ${duration(d.duration)}`,
  }));
  const jobSegments: Segment[] = jobs.map((j) => ({
    key: j.job_id,
    start: Date.parse(j.start_time),
    end: j.end_time ? Date.parse(j.end_time) : Date.parse(states.known_until),
    className: 'job',
    text: j.part_number ?? j.job_id,
    title: `Job ${j.job_id}${j.part_number ? `, part ${j.part_number}` : ''}, ${j.end_time ? span(j.start_time, j.end_time) : `since ${timeIn(j.start_time, timeZone, week)}`}${j.parts_produced !== null ? `, ${count(j.parts_produced)} parts` : ''}`,
  }));
  return (
    <div className="timeline" data-testid="timeline" data-from={period.from} data-to={period.to}>
      <Lane name="State" segments={stateSegments} from={from} to={to} empty="No state recorded in this period" />
      <Lane name="Stops" segments={stopSegments} from={from} to={to} empty="No stops" />
      <Lane name="Jobs" segments={jobSegments} from={from} to={to} empty="No jobs" />
      <div className="lane axis" aria-hidden="true">
        <div className="lane-name" />
        <div className="lane-track">
          {ticks(from, to, timeZone, week).map((t) => (
            <span key={t.at} className="tick" style={{ left: `${((t.at - from) / (to - from)) * 100}%` }}>
              {t.label}
            </span>
          ))}
        </div>
      </div>
      {states.truncated ? (
        <p className="help">
          The period has more state changes than one view holds; the strip ends at {timeIn(states.known_until, timeZone, true)}. Choose a shorter period.
        </p>
      ) : null}
    </div>
  );
}
