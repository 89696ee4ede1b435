import { useState } from 'react';
import type { Session } from '../api/session';
import { count } from '../board/format';
import { LoadMore } from '../shared/load-more';
import { Empty, ErrorState, Loading } from '../shared/page-state';
import { allItems } from '../shared/paging';
import { Time } from '../shared/shop-time';
import { useDeliveries, type DeliveryState } from './alerts-data';
import { TableWrap } from '../shared/table-wrap';

const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'sent', 'failed'];

/** Every e-mail and webhook call the alerts and report schedules sent or tried (admin). */
export function DeliveryLog({ session, timeZone }: { session: Session; timeZone: string }) {
  const [state, setState] = useState<DeliveryState | ''>('');
  const deliveries = useDeliveries(session, state);
  const items = allItems(deliveries.data?.pages, (d) => d.id);

  let body;
  if (deliveries.error) body = <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  else if (deliveries.isPending) body = <Loading what="the delivery log" />;
  else if (items.length === 0)
    body = (
      <Empty>
        <p>No deliveries{state ? ` in state ${state}` : ''}.</p>
        <p>E-mails and webhook calls appear here once a rule with an e-mail or webhook channel opens an alert, or a report schedule runs.</p>
      </Empty>
    );
  else
    body = (
      <>
        <TableWrap label="Deliveries">
          <table className="data-table">
            <caption className="visually-hidden">Deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Channel</th>
                <th scope="col">Target</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Sent / next attempt</th>
                <th scope="col">Last error</th>
                <th scope="col">About</th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Time iso={d.created_at} zone={timeZone} />
                  </td>
                  <td>{d.channel}</td>
                  <td className="wrap-anywhere">{d.target}</td>
                  <td>
                    <span className={`badge delivery-${d.state}`}>{d.state}</span>
                  </td>
                  <td className="num">{count(d.attempts)}</td>
                  <td>
                    <Time iso={d.sent_at ?? d.next_attempt_at} zone={timeZone} />
                  </td>
                  <td className="wrap-anywhere">{d.last_error ?? '—'}</td>
                  <td className="wrap-anywhere">{d.alert_id ? `alert ${d.alert_id}` : d.schedule_id ? `schedule ${d.schedule_id}` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <LoadMore
          hasMore={deliveries.hasNextPage}
          loading={deliveries.isFetchingNextPage}
          onMore={() => void deliveries.fetchNextPage()}
          shown={items.length}
          noun="deliveries"
        />
      </>
    );

  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title">Delivery log</h2>
      <div className="toolbar">
        <label>
          Delivery state
          <select value={state} onChange={(e) => setState(e.target.value as DeliveryState | '')}>
            <option value="">Any</option>
            {DELIVERY_STATES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
      </div>
      {body}
    </section>
  );
}
