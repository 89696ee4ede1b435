import { useState } from 'react';
import type { Session } from '../api/session';
import { count, percent } from '../board/format';
import { QueryState } from '../shared/page-state';
import { Time } from '../shared/shop-time';
import { downstreamRows, ENTITIES, entityLabel, syncHeadline, syncRunning, type SyncStatus } from './data-view';
import { useStartSync, useSyncStatus } from './data-queries';
import { TableWrap } from '../shared/table-wrap';

function SyncNow({ session, running }: { session: Session; running: boolean }) {
  const start = useStartSync(session);
  const [mode, setMode] = useState<'incremental' | 'full'>('incremental');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const go = (): void => {
    setMessage(null);
    start.mutate(mode, {
      onSuccess: () => setMessage({ ok: true, text: 'Sync started.' }),
      onError: (e) => setMessage({ ok: false, text: e.message }),
    });
  };
  return (
    <div className="toolbar">
      <label>
        Mode
        <select value={mode} onChange={(e) => setMode(e.target.value as 'incremental' | 'full')}>
          <option value="incremental">Incremental</option>
          <option value="full">Full</option>
        </select>
      </label>
      <span className="help">Incremental reads what changed; full reads everything and removes what the source deleted.</span>
      <button type="button" onClick={go} disabled={start.isPending || running} data-testid="data-sync-now">
        Sync now
      </button>
      <span className={message && !message.ok ? 'form-error' : 'help'} role={message && !message.ok ? 'alert' : 'status'}>
        {message?.text ?? (running ? 'A sync is running.' : '')}
      </span>
    </div>
  );
}

function LastRun({ status, timeZone }: { status: SyncStatus; timeZone: string }) {
  const run = status.last_run;
  if (!run) return <p className="help">No sync has run yet. The first one starts on the sync schedule, or with “Sync now”.</p>;
  return (
    <>
      <dl className="kpis">
        <div>
          <dt>Last run</dt>
          <dd className="small-kpi" data-testid="last-run-state">
            {run.state}
          </dd>
        </div>
        <div>
          <dt>Mode</dt>
          <dd className="small-kpi">{run.mode}</dd>
        </div>
        <div>
          <dt>Progress</dt>
          <dd className="small-kpi">{percent(run.progress)}</dd>
        </div>
        <div>
          <dt>Quarantined by checks</dt>
          <dd className="small-kpi">{count(run.rejected)}</dd>
        </div>
      </dl>
      {run.state === 'running' ? <progress className="sync-progress" max={1} value={run.progress} aria-label="Sync progress" /> : null}
      <p className="help">
        Started <Time iso={run.started_at} zone={timeZone} />
        {run.finished_at ? (
          <>
            , finished <Time iso={run.finished_at} zone={timeZone} />
          </>
        ) : null}
        .{run.error ? ` Error${run.error_code ? ` (${run.error_code})` : ''}: ${run.error}` : ''}
      </p>
      <TableWrap label="Records of the last run">
        <table className="data-table compact">
          <caption>Records published in this run</caption>
          <thead>
            <tr>
              <th scope="col">Entity</th>
              <th scope="col" className="num">
                Published
              </th>
              <th scope="col" className="num">
                Deleted
              </th>
            </tr>
          </thead>
          <tbody>
            {ENTITIES.map((e) => (
              <tr key={e}>
                <td>{entityLabel(e)}</td>
                <td className="num">{count(run.counts[e])}</td>
                <td className="num">{count(run.deleted[e])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}

function Downstream({ status }: { status: SyncStatus }) {
  const rows = downstreamRows(status);
  if (rows.length === 0)
    return <p className="help">No consumer refused anything{status.dead_letters === null ? ' (the dead letters could not be read)' : ''}.</p>;
  return (
    <TableWrap label="Downstream consumers">
      <table className="data-table compact">
        <caption>Downstream: what each consumer refused</caption>
        <thead>
          <tr>
            <th scope="col">Consumer</th>
            <th scope="col" className="num">
              Rejected in last run
            </th>
            <th scope="col" className="num">
              Dead-lettered batches
            </th>
            <th scope="col" className="num">
              Dead-lettered records
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.consumer}>
              <td>{r.consumer}</td>
              <td className="num">{count(r.rejected)}</td>
              <td className="num">{count(r.deadBatches)}</td>
              <td className="num">{count(r.deadRecords)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

/** The sync's state, its last run and the source connection; operators can start one. */
export function SyncPanel({ session, canSync, timeZone }: { session: Session; canSync: boolean; timeZone: string }) {
  const status = useSyncStatus(session);
  return (
    <section className="panel" aria-labelledby="sync-title" aria-busy={status.isFetching}>
      <h2 id="sync-title">Sync from the CIMCO source</h2>
      <QueryState query={status} what="the sync status">
        {(s) => (
          <div className="sync-status" data-testid="sync-status" data-state={s.state}>
            <p className={`sync-headline sync-${s.state}`}>
              <span className="badge-state">{s.state}</span> {syncHeadline(s)}
            </p>
            <p className="help">
              Source {s.source.reachable ? 'reachable' : 'unreachable'}, circuit {s.source.circuit.replace('_', '-')}. Last successful sync:{' '}
              <Time iso={s.last_sync_at} zone={timeZone} />.
            </p>
            {canSync ? <SyncNow session={session} running={syncRunning(s)} /> : null}
            <LastRun status={s} timeZone={timeZone} />
            <Downstream status={s} />
          </div>
        )}
      </QueryState>
    </section>
  );
}
