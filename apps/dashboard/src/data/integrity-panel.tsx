import type { Session } from '../api/session';
import { count } from '../board/format';
import { QueryState } from '../shared/page-state';
import { Time } from '../shared/shop-time';
import { ENTITIES, entityLabel, type Integrity } from './data-view';
import { useIntegrity, useMapping } from './data-queries';
import { TableWrap } from '../shared/table-wrap';

/** The columns of the source that do not fit the mapping: a sync refuses to run while there are any. */
export function MappingPanel({ session }: { session: Session }) {
  const mapping = useMapping(session);
  return (
    <section className="panel" aria-labelledby="mapping-title">
      <h2 id="mapping-title">Source mapping</h2>
      <QueryState query={mapping} what="the mapping check">
        {(problems) =>
          problems.length === 0 ? (
            <p className="help">The source's tables and columns match the mapping.</p>
          ) : (
            <TableWrap label="Mapping problems">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">Entity</th>
                    <th scope="col">Table</th>
                    <th scope="col">Column</th>
                    <th scope="col">Problem</th>
                  </tr>
                </thead>
                <tbody>
                  {problems.map((p, i) => (
                    <tr key={i}>
                      <td>{entityLabel(p.entity)}</td>
                      <td>{p.table}</td>
                      <td>{p.column ?? '—'}</td>
                      <td className="wrap-anywhere">{p.problem}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )
        }
      </QueryState>
    </section>
  );
}

function SourceComparison({ report }: { report: Integrity }) {
  const comparison = report.source_comparison;
  if (!comparison) return <p className="help">The source could not be counted{report.source_comparison_error ? `: ${report.source_comparison_error}` : ''}.</p>;
  return (
    <TableWrap label="Source comparison">
      <table className="data-table compact" data-testid="source-comparison">
        <caption>Read model against the source</caption>
        <thead>
          <tr>
            <th scope="col">Entity</th>
            <th scope="col" className="num">
              Source
            </th>
            <th scope="col" className="num">
              Read model
            </th>
            <th scope="col" className="num">
              Quarantined
            </th>
            <th scope="col" className="num">
              Rejected downstream
            </th>
            <th scope="col" className="num">
              Not yet synced
            </th>
            <th scope="col" className="num">
              Difference
            </th>
            <th scope="col">Explanation</th>
          </tr>
        </thead>
        <tbody>
          {ENTITIES.map((e) => {
            const c = comparison[e];
            return (
              <tr key={e} className={c.difference === 0 ? undefined : 'mismatch'}>
                <td>{entityLabel(e)}</td>
                <td className="num">{count(c.source)}</td>
                <td className="num">{count(c.read_model)}</td>
                <td className="num">{count(c.quarantined_by_ingestion)}</td>
                <td className="num">{count(c.rejected_by_consumers)}</td>
                <td className="num">{count(c.not_yet_synced)}</td>
                <td className="num">{count(c.difference)}</td>
                <td className="wrap-anywhere">{c.explanation}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableWrap>
  );
}

const FINDINGS: { key: string; label: string }[] = [
  { key: 'orphan_jobs', label: 'Jobs of an unknown machine' },
  { key: 'orphan_downtime_records', label: 'Stops of an unknown machine or job' },
  { key: 'overlapping_jobs', label: 'Overlapping jobs on one machine' },
  { key: 'event_gaps', label: 'Gaps in the machine events' },
];

function Findings({ report, timeZone }: { report: Integrity; timeZone: string }) {
  const total = FINDINGS.reduce((sum, f) => sum + (report.counts[f.key] ?? 0), 0);
  return (
    <>
      <dl className="kpis">
        {FINDINGS.map((f) => (
          <div key={f.key}>
            <dt>{f.label}</dt>
            <dd>{count(report.counts[f.key] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {total === 0 ? <p className="help">No orphans, overlaps or gaps found.</p> : null}
      {report.overlapping_jobs.length > 0 ? (
        <details>
          <summary>Overlapping jobs</summary>
          <ul className="findings">
            {report.overlapping_jobs.map((o, i) => (
              <li key={i}>{`${o.machine_id}: ${o.job_id} and ${o.other_job_id} overlap by ${count(o.overlap_seconds)} s`}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.orphan_jobs.length + report.orphan_downtime_records.length > 0 ? (
        <details>
          <summary>Orphans</summary>
          <ul className="findings">
            {report.orphan_jobs.map((o) => (
              <li key={`j-${o.job_id}`}>{`Job ${o.job_id}: machine ${o.machine_id} is unknown`}</li>
            ))}
            {report.orphan_downtime_records.map((o) => (
              <li key={`d-${o.record_id}`}>{`Stop ${o.record_id}: ${o.missing} ${o.missing === 'job' ? (o.job_id ?? '') : o.machine_id} is unknown`}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.event_gaps.length > 0 ? (
        <details>
          <summary>Event gaps</summary>
          <ul className="findings">
            {report.event_gaps.map((g, i) => (
              <li key={i}>
                {g.machine_id}: <Time iso={g.from} zone={timeZone} /> to <Time iso={g.to} zone={timeZone} /> ({count(Math.round(g.gap_seconds / 60))} min)
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </>
  );
}

/** Whether the read model is whole and consistent, and in step with the source. */
export function IntegrityPanel({ session, timeZone }: { session: Session; timeZone: string }) {
  const integrity = useIntegrity(session);
  return (
    <section className="panel" aria-labelledby="integrity-title">
      <div className="detail-head">
        <h2 id="integrity-title">Integrity</h2>
        <button type="button" onClick={() => void integrity.refetch()} disabled={integrity.isFetching}>
          {integrity.isFetching ? 'Checking…' : 'Check again'}
        </button>
      </div>
      <QueryState query={integrity} what="the integrity report">
        {(report) => (
          <>
            <p className="help">
              Checked <Time iso={report.generated_at} zone={timeZone} />.
            </p>
            <Findings report={report} timeZone={timeZone} />
            <SourceComparison report={report} />
          </>
        )}
      </QueryState>
    </section>
  );
}
