import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { errorMessage, roleAllows, type Session, type SessionState } from '../api/session';
import type { SocketState } from '../api/live-socket';
import { useLive, useLiveUpdates, useMachines, useRisks, useShiftOee, useShopTimeZone, type Machine } from './board-data';
import { browserTimeZone, count } from './format';
import { MachineTile } from './machine-tile';

const NO_HALL = '(no hall)';
const hallOf = (m: Machine): string => m.location ?? NO_HALL;
const distinct = (values: string[]): string[] => [...new Set(values)].sort((a, b) => a.localeCompare(b));

function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

function ConnectionBadge({ state, now }: { state: SocketState; now: number }) {
  const text =
    state.kind === 'open'
      ? 'Live'
      : state.kind === 'connecting'
        ? 'Connecting…'
        : Number.isFinite(state.retryAt)
          ? `Offline, retrying in ${Math.max(0, Math.ceil((state.retryAt - now) / 1000))} s`
          : 'Offline: sign in again';
  return (
    <span className={`connection connection-${state.kind}`} role="status" data-testid="connection">
      {text}
    </span>
  );
}

function SyncButton({ session }: { session: Session }) {
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const sync = async (): Promise<void> => {
    setBusy(true);
    const { data, error, response } = await session.api.POST('/api/v1/data/sync', { body: { mode: 'incremental' } });
    setBusy(false);
    setMessage(data ? 'Sync started' : response.status === 409 ? 'A sync is already running' : errorMessage(error, 'The sync could not start'));
  };
  return (
    <span className="sync">
      <button type="button" onClick={() => void sync()} disabled={busy} data-testid="sync-now">
        Sync now
      </button>
      {message ? <span role="status">{message}</span> : null}
    </span>
  );
}

export function LiveBoard({ session, user }: { session: Session; user: SessionState }) {
  const [params, setParams] = useSearchParams();
  const tv = params.get('tv') === '1';
  const hall = params.get('hall') ?? '';
  const type = params.get('type') ?? '';
  const cycleSeconds = Math.max(5, Number(params.get('cycle')) || 20);
  const machines = useMachines(session);
  const live = useLive(session);
  const zone = useShopTimeZone(session);
  const socket = useLiveUpdates(session);
  const now = useNow(tv ? 5_000 : 15_000);
  const all = useMemo(() => machines.data ?? [], [machines.data]);
  const halls = useMemo(() => distinct(all.map(hallOf)), [all]);
  const types = useMemo(() => distinct(all.map((m) => m.type)), [all]);
  const risks = useRisks(
    session,
    all.map((m) => m.machine_id),
  );
  const shiftOee = useShiftOee(session, live.isSuccess);
  const oeeOf = new Map((shiftOee.data ?? []).map((o) => [o.machine_id, o]));
  const riskOf = new Map(all.map((m, i) => [m.machine_id, risks[i]?.data]));
  const statusOf = new Map((live.data?.items ?? []).map((s) => [s.machine_id, s]));
  const timeZone = zone.data ?? browserTimeZone();
  const zoneLabel = zone.data ? `shop time, ${zone.data}` : `your browser's time, ${timeZone} (no shop calendar zone is set)`;

  // TV mode walks through the halls, one at a time, unless a hall is chosen.
  const [tvHallIndex, setTvHallIndex] = useState(0);
  useEffect(() => {
    if (!tv || hall || halls.length < 2) return;
    const timer = setInterval(() => setTvHallIndex((i) => (i + 1) % halls.length), cycleSeconds * 1000);
    return () => clearInterval(timer);
  }, [tv, hall, halls.length, cycleSeconds]);
  useEffect(() => {
    if (!tv) return;
    const leave = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setParams((p) => (p.delete('tv'), p));
    };
    window.addEventListener('keydown', leave);
    return () => window.removeEventListener('keydown', leave);
  }, [tv, setParams]);
  const shownHall = hall || (tv && halls.length > 1 ? halls[tvHallIndex % halls.length] : '');

  const shown = all.filter((m) => (!shownHall || hallOf(m) === shownHall) && (!type || m.type === type));
  const setFilter = (name: string, value: string): void =>
    setParams((p) => {
      if (value) p.set(name, value);
      else p.delete(name);
      return p;
    });
  const enterTv = (): void => {
    setFilter('tv', '1');
    document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  const down = shown.filter((m) => statusOf.get(m.machine_id)?.state.toUpperCase() === 'DOWN').length;

  const error = machines.error ?? live.error;
  let body;
  if (machines.isPending || live.isPending)
    body = (
      <p className="notice" role="status">
        Loading the shop floor…
      </p>
    );
  else if (error)
    body = (
      <div className="notice notice-error" role="alert">
        <p>{error.message}</p>
        <p>Check that the gateway is running and reachable, then try again.</p>
        <button type="button" onClick={() => void Promise.all([machines.refetch(), live.refetch()])}>
          Try again
        </button>
      </div>
    );
  else if (all.length === 0)
    body = (
      <div className="notice" role="status">
        <p>No machines yet.</p>
        <p>
          Machines appear after the first sync from the CIMCO source. Check that the ingestion service has a source (CIMCO_DATABASE_URL)
          {roleAllows(user.role, 'operator') ? ', or start a sync with “Sync now”' : ', or ask an operator to start a sync'}.
        </p>
      </div>
    );
  else if (shown.length === 0)
    body = (
      <div className="notice" role="status">
        <p>No machine matches these filters.</p>
        <button type="button" onClick={() => setParams(new URLSearchParams())}>
          Show all machines
        </button>
      </div>
    );
  else
    body = (
      <ul className="tiles" aria-label="Machines">
        {shown.map((m) => (
          <li key={m.machine_id}>
            <MachineTile
              machine={m}
              status={statusOf.get(m.machine_id)}
              risk={riskOf.get(m.machine_id)}
              shiftOee={oeeOf.get(m.machine_id)}
              timeZone={timeZone}
              now={now}
            />
          </li>
        ))}
      </ul>
    );

  return (
    <div className={tv ? 'board tv' : 'board'}>
      <div className="topbar">
        <h1>{tv && shownHall ? shownHall : 'Shop floor'}</h1>
        <p className="summary">
          {count(shown.length)} machines{down > 0 ? `, ${count(down)} down` : ''}
        </p>
        <ConnectionBadge state={socket} now={now} />
        {tv ? null : (
          <nav className="controls" aria-label="Board controls">
            <label>
              Hall
              <select value={hall} onChange={(e) => setFilter('hall', e.target.value)}>
                <option value="">All halls</option>
                {halls.map((h) => (
                  <option key={h} value={h}>
                    {h}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Type
              <select value={type} onChange={(e) => setFilter('type', e.target.value)}>
                <option value="">All types</option>
                {types.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" onClick={enterTv}>
              TV mode
            </button>
            {roleAllows(user.role, 'operator') ? <SyncButton session={session} /> : null}
          </nav>
        )}
      </div>
      <main>
        <h2 className="visually-hidden">Machines</h2>
        {body}
      </main>
      {tv ? null : <footer className="zone-note">Hover a time to see it in {zoneLabel}.</footer>}
    </div>
  );
}
