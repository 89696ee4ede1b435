import type { Session } from '../api/session';
import { LoadMore } from '../shared/load-more';
import { Empty, ErrorState, Loading } from '../shared/page-state';
import { allItems } from '../shared/paging';
import { Time } from '../shared/shop-time';
import { rawEntries, visibleText, type QuarantinedRow } from './data-view';
import { useQuarantine } from './data-queries';
import { TableWrap } from '../shared/table-wrap';

function RawRow({ row }: { row: QuarantinedRow }) {
  return (
    <details>
      <summary>Raw row</summary>
      <dl className="raw-row">
        {rawEntries(row.raw).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** Source rows refused by ingestion's checks or by a consumer, with why; values are shown as text, never as markup. */
export function QuarantinePanel({ session, timeZone }: { session: Session; timeZone: string }) {
  const rows = useQuarantine(session);
  const items = allItems(rows.data?.pages, (r) => r.id);
  let body;
  if (rows.error) body = <ErrorState error={rows.error} onRetry={() => void rows.refetch()} />;
  else if (rows.isPending) body = <Loading what="the quarantine" />;
  else if (items.length === 0)
    body = (
      <Empty>
        <p>Nothing is quarantined: every source row passed its checks.</p>
      </Empty>
    );
  else
    body = (
      <>
        <TableWrap label="Quarantined rows">
          <table className="data-table quarantine-table">
            <thead>
              <tr>
                <th scope="col">Table</th>
                <th scope="col">Primary key</th>
                <th scope="col">Reasons</th>
                <th scope="col">Refused by</th>
                <th scope="col">Last seen</th>
                <th scope="col">Row</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} data-testid="quarantined-row">
                  <td>{r.table}</td>
                  <td className="wrap-anywhere">{visibleText(r.primary_key, 120)}</td>
                  <td>
                    <ul className="reasons">
                      {r.reasons.map((reason, i) => (
                        <li key={i}>{visibleText(reason, 500)}</li>
                      ))}
                    </ul>
                  </td>
                  <td>{r.rejected_by}</td>
                  <td>
                    <Time iso={r.last_seen_at} zone={timeZone} />
                  </td>
                  <td>
                    <RawRow row={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <LoadMore
          hasMore={rows.hasNextPage}
          loading={rows.isFetchingNextPage}
          onMore={() => void rows.fetchNextPage()}
          shown={items.length}
          noun="quarantined rows"
        />
      </>
    );
  return (
    <section className="panel" aria-labelledby="quarantine-title">
      <h2 id="quarantine-title">Quarantine</h2>
      <p className="help">Rows stay here until they are fixed at the source (the next sync then lets them in) or deleted there.</p>
      {body}
    </section>
  );
}
