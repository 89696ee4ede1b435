import { useSearchParams } from 'react-router-dom';
import type { Session, SessionState } from '../api/session';
import { useMachines } from '../board/board-data';
import { Empty, ErrorState, Loading } from '../shared/page-state';
import { LoadMore } from '../shared/load-more';
import { allItems } from '../shared/paging';
import { Time } from '../shared/shop-time';
import { AlertDetailPanel } from './alert-detail';
import { CONDITION_LABELS, SEVERITIES, STATES, type AlertSeverity, type AlertState } from './alert-text';
import { useAlerts, useAlertsLive, type AlertFilters } from './alerts-data';
import { MachineLink, SeverityBadge, StateBadge } from './alert-badges';
import { TableWrap } from '../shared/table-wrap';

function readFilters(params: URLSearchParams): AlertFilters {
  const state = params.get('state');
  const severity = params.get('severity');
  return {
    state: STATES.includes(state as AlertState) ? (state as AlertState) : 'all',
    severity: SEVERITIES.includes(severity as AlertSeverity) ? (severity as AlertSeverity) : '',
    machine: params.get('machine') ?? '',
  };
}

export function AlertList({ session, user, timeZone }: { session: Session; user: SessionState; timeZone: string }) {
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const alerts = useAlerts(session, filters);
  const machines = useMachines(session);
  const live = useAlertsLive(session);
  const selected = params.get('alert');
  const items = allItems(alerts.data?.pages, (a) => a.id);
  const set = (name: string, value: string): void =>
    setParams((p) => {
      if (value && !(name === 'state' && value === 'all')) p.set(name, value);
      else p.delete(name);
      return p;
    });

  let body;
  if (alerts.error) body = <ErrorState error={alerts.error} onRetry={() => void alerts.refetch()} />;
  else if (alerts.isPending) body = <Loading what="the alerts" />;
  else if (items.length === 0)
    body = (
      <Empty>
        <p>No alerts match these filters.</p>
        <p>Alerts open when a rule's condition holds on a machine (the default rules watch for breakdowns and data gaps); they appear here as they happen.</p>
      </Empty>
    );
  else
    body = (
      <>
        <TableWrap label="Alerts">
          <table className="data-table alerts-table">
            <caption className="visually-hidden">Alerts, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Severity</th>
                <th scope="col">Machine</th>
                <th scope="col">Condition</th>
                <th scope="col">Message</th>
                <th scope="col">State</th>
                <th scope="col">Opened</th>
                <th scope="col">Updated</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} data-alert-id={a.id} data-state={a.state} aria-selected={a.id === selected ? true : undefined}>
                  <td>
                    <SeverityBadge severity={a.severity} />
                  </td>
                  <td>
                    <MachineLink id={a.machine_id} />
                  </td>
                  <td>{CONDITION_LABELS[a.condition]}</td>
                  <td className="message">{a.message}</td>
                  <td>
                    <StateBadge state={a.state} />
                  </td>
                  <td>
                    <Time iso={a.opened_at} zone={timeZone} />
                  </td>
                  <td>
                    <Time iso={a.updated_at} zone={timeZone} />
                  </td>
                  <td>
                    <button type="button" onClick={() => set('alert', a.id)} aria-label={`Details of the alert on ${a.machine_id}: ${a.message}`}>
                      Details
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
        <LoadMore
          hasMore={alerts.hasNextPage}
          loading={alerts.isFetchingNextPage}
          onMore={() => void alerts.fetchNextPage()}
          shown={items.length}
          noun="alerts"
        />
      </>
    );

  return (
    <>
      <section className="panel" aria-labelledby="alert-filters">
        <h2 id="alert-filters" className="visually-hidden">
          Filters
        </h2>
        <div className="toolbar">
          <label>
            State
            <select value={filters.state} onChange={(e) => set('state', e.target.value)}>
              <option value="all">All</option>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Severity
            <select value={filters.severity} onChange={(e) => set('severity', e.target.value)}>
              <option value="">Any</option>
              {SEVERITIES.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </label>
          <label>
            Machine
            <select value={filters.machine} onChange={(e) => set('machine', e.target.value)}>
              <option value="">All machines</option>
              {(machines.data ?? []).map((m) => (
                <option key={m.machine_id} value={m.machine_id}>
                  {m.name} ({m.machine_id})
                </option>
              ))}
            </select>
          </label>
          <span className={`connection connection-${live.kind}`} role="status" data-testid="alerts-live">
            {live.kind === 'open' ? 'Live' : live.kind === 'connecting' ? 'Connecting…' : 'Offline, retrying'}
          </span>
        </div>
      </section>
      {selected ? <AlertDetailPanel key={selected} session={session} user={user} id={selected} timeZone={timeZone} onClose={() => set('alert', '')} /> : null}
      <section className="panel" aria-labelledby="alert-list-title">
        <h2 id="alert-list-title">Alert list</h2>
        {body}
      </section>
    </>
  );
}
