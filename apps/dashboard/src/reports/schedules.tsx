import type { components, ErrorBody } from '@shopfloor/client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { errorMessage, roleAllows, type Session, type SessionState } from '../api/session';
import { ApiError } from '../board/board-data';
import { timeIn } from '../board/format';
import { Empty, QueryState } from '../shared/page-state';

type Schedule = components['schemas']['ReportScheduleView'];
type Format = components['schemas']['ReportFileFormat'];
const KEY = ['report-schedules'] as const;

function Runs({ session, schedule, timeZone }: { session: Session; schedule: Schedule; timeZone: string }) {
  const runs = useQuery({
    queryKey: ['report-runs', schedule.id],
    queryFn: async () => {
      const { data, error } = await session.api.GET('/api/v1/reports/schedules/{id}/runs', { params: { path: { id: schedule.id }, query: { limit: 10 } } });
      if (!data) throw new ApiError(errorMessage(error, 'The runs could not be read.'));
      return data.items;
    },
  });
  return (
    <QueryState query={runs} what="the runs">
      {(list) =>
        list.length === 0 ? (
          <p className="help">Not run yet.</p>
        ) : (
          <ul className="runs">
            {list.map((r) => (
              <li key={r.id}>
                {timeIn(r.scheduled_for, timeZone, true)}: <strong>{r.state}</strong>
                {r.file_name ? `, ${r.file_name}` : ''}
                {r.error ? ` — ${r.error}` : ''}
              </li>
            ))}
          </ul>
        )
      }
    </QueryState>
  );
}

/** Field errors of a refused form, by field name. */
function fieldErrors(error: unknown): Record<string, string> {
  const body = error as Partial<ErrorBody> | undefined;
  return Object.fromEntries((body?.field_errors ?? []).map((f) => [f.field.replace(/^report\./, ''), f.message]));
}

function NewSchedule({ session, timeZone }: { session: Session; timeZone: string }) {
  const client = useQueryClient();
  const [name, setName] = useState('Daily OEE report');
  const [cron, setCron] = useState('5 6 * * 1-5');
  const [zone, setZone] = useState(timeZone);
  const [format, setFormat] = useState<Format>('pdf');
  const [recipients, setRecipients] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    const list = recipients.split(/[\s,;]+/).filter(Boolean);
    const { data, error } = await session.api.POST('/api/v1/reports/schedules', { body: { name, cron, timezone: zone, format, recipients: list, report: { kind: 'daily' } } });
    setErrors(data ? {} : fieldErrors(error));
    setMessage(data ? `Scheduled: the next run is ${data.next_run_at ? timeIn(data.next_run_at, zone, true) : 'not due'}.` : errorMessage(error, 'The schedule could not be saved.'));
    if (data) await client.invalidateQueries({ queryKey: KEY });
  };
  const field = (id: string, label: string, input: React.ReactNode) => (
    <label>
      {label}
      {input}
      {errors[id] ? (
        <span className="field-error" id={`err-${id}`}>
          {errors[id]}
        </span>
      ) : null}
    </label>
  );
  return (
    <form className="toolbar new-schedule" onSubmit={(e) => void submit(e)} aria-label="New report schedule">
      {field('name', 'Name', <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} aria-invalid={Boolean(errors.name)} />)}
      {field('cron', 'Cron (minute hour day month weekday)', <input value={cron} onChange={(e) => setCron(e.target.value)} required aria-invalid={Boolean(errors.cron)} />)}
      {field('timezone', 'Time zone', <input value={zone} onChange={(e) => setZone(e.target.value)} required aria-invalid={Boolean(errors.timezone)} />)}
      {field(
        'format',
        'File',
        <select value={format} onChange={(e) => setFormat(e.target.value as Format)}>
          <option value="pdf">PDF</option>
          <option value="xlsx">XLSX</option>
          <option value="csv">CSV</option>
        </select>,
      )}
      {field('recipients', 'Recipients (e-mail addresses)', <input value={recipients} onChange={(e) => setRecipients(e.target.value)} required aria-invalid={Boolean(errors.recipients)} placeholder="supervisor@example.com" />)}
      <button type="submit">Add schedule</button>
      {message ? (
        <p role="status" className="help">
          {message}
        </p>
      ) : null}
    </form>
  );
}

/** Report schedules with their next and past runs; admins add and delete them. */
export function Schedules({ session, user, timeZone }: { session: Session; user: SessionState; timeZone: string }) {
  const client = useQueryClient();
  const admin = roleAllows(user.role, 'admin');
  const [open, setOpen] = useState<string | null>(null);
  const schedules = useQuery({
    queryKey: KEY,
    queryFn: async () => {
      const { data, error } = await session.api.GET('/api/v1/reports/schedules');
      if (!data) throw new ApiError(errorMessage(error, 'The report schedules could not be read.'));
      return data.items;
    },
  });
  const remove = async (s: Schedule): Promise<void> => {
    if (!window.confirm(`Delete the schedule “${s.name}” and its past runs?`)) return;
    await session.api.DELETE('/api/v1/reports/schedules/{id}', { params: { path: { id: s.id } } });
    await client.invalidateQueries({ queryKey: KEY });
  };
  return (
    <section className="panel" aria-labelledby="schedules-title">
      <h2 id="schedules-title">Report schedules</h2>
      <QueryState query={schedules} what="the report schedules">
        {(list) =>
          list.length === 0 ? (
            <Empty>
              <p>No report is e-mailed on a schedule.</p>
              <p>{admin ? 'Add one below.' : 'An admin can add one.'}</p>
            </Empty>
          ) : (
            <ul className="schedules" data-testid="schedules">
              {list.map((s) => (
                <li key={s.id}>
                  <div className="schedule-head">
                    <strong>{s.name}</strong> — {s.report.kind} report as {s.format.toUpperCase()}, “{s.cron}” in {s.timezone}, to {s.recipients.join(', ')}
                    {s.enabled ? '' : ' (paused)'}. Next: {s.next_run_at ? timeIn(s.next_run_at, s.timezone, true) : '—'}.
                  </div>
                  <button type="button" onClick={() => setOpen(open === s.id ? null : s.id)} aria-expanded={open === s.id}>
                    {open === s.id ? 'Hide runs' : 'Show runs'}
                  </button>
                  {admin ? (
                    <button type="button" onClick={() => void remove(s)}>
                      Delete
                    </button>
                  ) : null}
                  {open === s.id ? <Runs session={session} schedule={s} timeZone={timeZone} /> : null}
                </li>
              ))}
            </ul>
          )
        }
      </QueryState>
      {admin ? <NewSchedule session={session} timeZone={timeZone} /> : null}
    </section>
  );
}
