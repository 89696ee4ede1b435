import type { components } from '@shopfloor/client';
import { useState, type FormEvent } from 'react';
import { errorMessage, type Session } from '../api/session';
import { useMachines } from '../board/board-data';
import { addDays, daysPeriod, isDate, todayIn } from '../shared/zone-time';
import { saveDownload } from './download';
import { ReportView, type ReportDocument, type ReportFormat } from './report-view';

type Metric = components['schemas']['ReportMetric'];
type Group = components['schemas']['ReportGroup'];

const METRICS: { value: Metric; label: string }[] = [
  { value: 'overall_oee', label: 'OEE' },
  { value: 'availability', label: 'Availability' },
  { value: 'performance', label: 'Performance' },
  { value: 'quality', label: 'Quality' },
  { value: 'planned_production_time', label: 'Planned production time' },
  { value: 'run_time', label: 'Run time' },
  { value: 'unplanned_stop_time', label: 'Unplanned stops' },
  { value: 'planned_stop_time', label: 'Planned stops' },
  { value: 'small_stop_time', label: 'Small stops' },
  { value: 'total', label: 'Parts' },
  { value: 'good', label: 'Good parts' },
  { value: 'scrap', label: 'Scrap' },
  { value: 'failures', label: 'Failures' },
  { value: 'mtbf', label: 'MTBF' },
  { value: 'mttr', label: 'MTTR' },
];
const GROUPS: { value: Group; label: string }[] = [
  { value: 'machine', label: 'Machine' },
  { value: 'hour', label: 'Hour' },
  { value: 'shift', label: 'Shift' },
  { value: 'day', label: 'Day' },
  { value: 'week', label: 'Week' },
];

/** A report of chosen metrics for chosen machines and days, shown here or downloaded. */
export function CustomReport({ session, timeZone }: { session: Session; timeZone: string }) {
  const machines = useMachines(session);
  const today = todayIn(timeZone);
  const [metrics, setMetrics] = useState<Metric[]>(['overall_oee', 'availability', 'performance', 'quality', 'unplanned_stop_time']);
  const [chosen, setChosen] = useState<string[]>([]);
  const [first, setFirst] = useState(addDays(today, -7));
  const [last, setLast] = useState(addDays(today, -1));
  const [group, setGroup] = useState<Group>('machine');
  const [format, setFormat] = useState<ReportFormat | 'screen'>('screen');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [report, setReport] = useState<ReportDocument | null>(null);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (metrics.length === 0) return setMessage('Choose at least one metric.');
    if (!isDate(first) || !isDate(last) || first > last) return setMessage('Choose a first day on or before the last day.');
    const span = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
    const body = { metrics, ...daysPeriod(first, span, timeZone), group_by: group, ...(chosen.length > 0 ? { machine_ids: chosen } : {}) };
    setBusy(true);
    setMessage(null);
    if (format === 'screen') {
      const { data, error } = await session.api.POST('/api/v1/reports/custom', { body: { ...body, format: 'json' } });
      setReport(data ? (data as unknown as ReportDocument) : null);
      if (!data) setMessage(errorMessage(error, 'The report could not be made.'));
    } else {
      const failure = await saveDownload(session.api.POST('/api/v1/reports/custom', { body: { ...body, format }, parseAs: 'blob' }), `oee-report.${format}`);
      setMessage(failure ?? `The ${format.toUpperCase()} is downloaded.`);
    }
    setBusy(false);
  };

  return (
    <section className="panel" aria-labelledby="custom-title">
      <h2 id="custom-title">Custom report</h2>
      <form className="custom-report" onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>Metrics</legend>
          <div className="checks">
            {METRICS.map((m) => (
              <label key={m.value}>
                <input type="checkbox" checked={metrics.includes(m.value)} onChange={(e) => setMetrics((list) => (e.target.checked ? [...list, m.value] : list.filter((x) => x !== m.value)))} /> {m.label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="toolbar">
          <label>
            First day
            <input type="date" value={first} max={today} onChange={(e) => setFirst(e.target.value)} required />
          </label>
          <label>
            Last day
            <input type="date" value={last} max={today} onChange={(e) => setLast(e.target.value)} required />
          </label>
          <label>
            Rows by
            <select value={group} onChange={(e) => setGroup(e.target.value as Group)}>
              {GROUPS.map((g) => (
                <option key={g.value} value={g.value}>
                  {g.label}
                </option>
              ))}
            </select>
          </label>
          <label>
            Machines (none chosen: all)
            <select multiple value={chosen} onChange={(e) => setChosen(Array.from(e.target.selectedOptions, (o) => o.value))} size={4}>
              {(machines.data ?? []).map((m) => (
                <option key={m.machine_id} value={m.machine_id}>
                  {m.name} ({m.machine_id})
                </option>
              ))}
            </select>
          </label>
          <label>
            Output
            <select value={format} onChange={(e) => setFormat(e.target.value as ReportFormat | 'screen')}>
              <option value="screen">On screen</option>
              <option value="pdf">PDF file</option>
              <option value="xlsx">Excel (XLSX) file</option>
              <option value="csv">CSV file</option>
            </select>
          </label>
          <button type="submit" disabled={busy}>
            {format === 'screen' ? 'Show report' : 'Download'}
          </button>
        </div>
        {message ? (
          <p role="status" className="help">
            {message}
          </p>
        ) : null}
      </form>
      {report ? <ReportView report={report} /> : null}
    </section>
  );
}
