import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, type Session, type SessionState } from '../api/session';
import { ApiError, useShopTimeZone } from '../board/board-data';
import { QueryState } from '../shared/page-state';
import { addDays, isDate, todayIn } from '../shared/zone-time';
import { CustomReport } from './custom-report';
import { saveDownload } from './download';
import { ReportView, type ReportDocument, type ReportFormat } from './report-view';
import { Schedules } from './schedules';
import './reports.css';

const FILES: { format: ReportFormat; label: string }[] = [
  { format: 'pdf', label: 'PDF' },
  { format: 'xlsx', label: 'Excel (XLSX)' },
  { format: 'csv', label: 'CSV' },
];

function DailyReport({ session, timeZone }: { session: Session; timeZone: string }) {
  const [params, setParams] = useSearchParams();
  const yesterday = addDays(todayIn(timeZone), -1);
  const date = isDate(params.get('date')) ? (params.get('date') as string) : yesterday;
  const [message, setMessage] = useState<string | null>(null);
  const report = useQuery({
    queryKey: ['daily-report', date],
    queryFn: async () => {
      const { data, error } = await session.api.GET('/api/v1/reports/daily', { params: { query: { date, format: 'json' } } });
      if (!data) throw new ApiError(errorMessage(error, 'The daily report could not be made.'));
      return data as unknown as ReportDocument;
    },
  });
  const download = async (format: ReportFormat): Promise<void> => {
    setMessage(`Making the ${format.toUpperCase()}…`);
    const failure = await saveDownload(session.api.GET('/api/v1/reports/daily', { params: { query: { date, format } }, parseAs: 'blob' }), `oee-daily-${date}.${format}`);
    setMessage(failure ?? `The ${format.toUpperCase()} of ${date} is downloaded.`);
  };
  return (
    <section className="panel" aria-labelledby="daily-title">
      <h2 id="daily-title">Daily report</h2>
      <div className="toolbar">
        <label>
          Day
          <input type="date" value={date} max={todayIn(timeZone)} onChange={(e) => setParams((p) => (isDate(e.target.value) ? p.set('date', e.target.value) : p.delete('date'), p))} />
        </label>
        {FILES.map((f) => (
          <button key={f.format} type="button" onClick={() => void download(f.format)} data-testid={`download-${f.format}`}>
            Download {f.label}
          </button>
        ))}
        {message ? (
          <span role="status" className="help">
            {message}
          </span>
        ) : null}
      </div>
      <QueryState query={report} what="the daily report">
        {(r) => <ReportView report={r} />}
      </QueryState>
    </section>
  );
}

/** Reports to read and download: the daily report, a custom one, and the schedules that e-mail them. */
export default function ReportsPage({ session, user }: { session: Session; user: SessionState }) {
  const zone = useShopTimeZone(session);
  // Report days are days of the shop default calendar's zone, UTC without one (as the API reads them).
  const timeZone = zone.data ?? 'UTC';
  return (
    <main className="page reports-page">
      <h1>Reports</h1>
      <p className="help">The screen shows the numbers the files carry, formatted as the PDF prints them. Days are days of {zone.data ? `the shop calendar's zone (${zone.data})` : 'UTC (no shop calendar zone is set)'}.</p>
      {zone.isPending ? null : <DailyReport session={session} timeZone={timeZone} />}
      <CustomReport session={session} timeZone={timeZone} />
      <Schedules session={session} user={user} timeZone={timeZone} />
    </main>
  );
}
