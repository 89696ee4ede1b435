import { useState } from 'react';
import type { Session } from '../api/session';
import { count } from '../board/format';
import { LoadMore } from '../shared/load-more';
import { Empty, ErrorState, Loading } from '../shared/page-state';
import { allItems } from '../shared/paging';
import { Time } from '../shared/shop-time';
import { visibleText, type DeadLetter } from './data-view';
import { useDeadLetters, useReplay } from './data-queries';
import { TableWrap } from '../shared/table-wrap';

/** Messages a consumer gave up on (admin), each with a replay once its cause is fixed. */
export function DeadLettersPanel({ session, timeZone }: { session: Session; timeZone: string }) {
  const letters = useDeadLetters(session);
  const replay = useReplay(session);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const items = allItems(letters.data?.pages, (d) => d.id);
  const replayOne = (d: DeadLetter): void => {
    if (!window.confirm(`Replay dead letter ${d.id} (${d.subject}) to ${d.consumer}? Do it once the cause is fixed, or it fails again.`)) return;
    setMessage(null);
    replay.mutate([d.id], {
      onSuccess: (r) =>
        setMessage({ ok: true, text: r.replayed > 0 ? `Replayed ${count(r.replayed)}.` : `Nothing replayed: ${r.not_found.join(', ')} no longer waiting.` }),
      onError: (e) => setMessage({ ok: false, text: e.message }),
    });
  };
  let body;
  if (letters.error) body = <ErrorState error={letters.error} onRetry={() => void letters.refetch()} />;
  else if (letters.isPending) body = <Loading what="the dead letters" />;
  else if (items.length === 0)
    body = (
      <Empty>
        <p>No dead letters: every consumer applied every message.</p>
      </Empty>
    );
  else
    body = (
      <>
        <TableWrap label="Dead letters">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Dead-lettered</th>
                <th scope="col">Consumer</th>
                <th scope="col">Subject</th>
                <th scope="col" className="num">
                  Records
                </th>
                <th scope="col" className="num">
                  Deliveries
                </th>
                <th scope="col">Reason</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Time iso={d.dead_lettered_at} zone={timeZone} />
                  </td>
                  <td>{d.consumer}</td>
                  <td className="wrap-anywhere">{d.subject}</td>
                  <td className="num">{d.records === null ? '—' : count(d.records)}</td>
                  <td className="num">{count(d.deliveries)}</td>
                  <td className="wrap-anywhere">{visibleText(d.reason, 500)}</td>
                  <td>
                    <button type="button" onClick={() => replayOne(d)} disabled={replay.isPending} aria-label={`Replay dead letter ${d.id}`}>
                      Replay
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <LoadMore
          hasMore={letters.hasNextPage}
          loading={letters.isFetchingNextPage}
          onMore={() => void letters.fetchNextPage()}
          shown={items.length}
          noun="dead letters"
        />
      </>
    );
  return (
    <section className="panel" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title">Dead letters</h2>
      <p className={message && !message.ok ? 'form-error' : 'help'} role={message && !message.ok ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </p>
      {body}
    </section>
  );
}
