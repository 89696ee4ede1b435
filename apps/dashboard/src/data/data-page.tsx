import { roleAllows, type Session, type SessionState } from '../api/session';
import { useShopTime } from '../shared/shop-time';
import { DeadLettersPanel } from './dead-letters-panel';
import { IntegrityPanel, MappingPanel } from './integrity-panel';
import { QuarantinePanel } from './quarantine-panel';
import { SyncPanel } from './sync-panel';
import './data.css';

/** The data coming in from the CIMCO source: the sync, what it refused, and whether the read model is whole. */
export default function DataPage({ session, user }: { session: Session; user: SessionState }) {
  const { timeZone, note } = useShopTime(session);
  const admin = roleAllows(user.role, 'admin');
  return (
    <main className="page data-page">
      <h1>Data</h1>
      <SyncPanel session={session} canSync={roleAllows(user.role, 'operator')} timeZone={timeZone} />
      <QuarantinePanel session={session} timeZone={timeZone} />
      {admin ? <DeadLettersPanel session={session} timeZone={timeZone} /> : null}
      <MappingPanel session={session} />
      <IntegrityPanel session={session} timeZone={timeZone} />
      <p className="zone-note">{note}</p>
    </main>
  );
}
