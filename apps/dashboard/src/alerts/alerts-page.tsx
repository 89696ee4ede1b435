import { Link, Navigate, useParams, useSearchParams } from 'react-router-dom';
import { roleAllows, type Session, type SessionState } from '../api/session';
import { useShopTime } from '../shared/shop-time';
import { AlertList } from './alert-list';
import { DeliveryLog } from './delivery-log';
import { RuleEditor } from './rule-editor';
import './alerts.css';

const TABS = [
  { id: 'alerts', label: 'Alerts' },
  { id: 'rules', label: 'Rules' },
  { id: 'deliveries', label: 'Delivery log' },
] as const;

/** Alerts of the shop floor, live; for admins also the rules that raise them and the log of what was sent. */
export default function AlertsPage({ session, user }: { session: Session; user: SessionState }) {
  const [params] = useSearchParams();
  // The link of an alert's e-mail or webhook message: /alerts/<id>.
  const { alertId } = useParams();
  const admin = roleAllows(user.role, 'admin');
  const asked = params.get('tab');
  const tab = admin && (asked === 'rules' || asked === 'deliveries') ? asked : 'alerts';
  const { timeZone, note } = useShopTime(session);
  if (alertId) return <Navigate replace to={`/alerts?alert=${encodeURIComponent(alertId)}`} />;
  return (
    <main className="page alerts-page">
      <h1>Alerts</h1>
      {admin ? (
        <nav aria-label="Alert views" className="tabs">
          <ul>
            {TABS.map((t) => (
              <li key={t.id}>
                <Link to={t.id === 'alerts' ? '/alerts' : `/alerts?tab=${t.id}`} aria-current={tab === t.id ? 'page' : undefined}>
                  {t.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {tab === 'rules' ? <RuleEditor session={session} timeZone={timeZone} /> : null}
      {tab === 'deliveries' ? <DeliveryLog session={session} timeZone={timeZone} /> : null}
      {tab === 'alerts' ? <AlertList session={session} user={user} timeZone={timeZone} /> : null}
      <p className="zone-note">{note}</p>
    </main>
  );
}
