import type { ReactNode } from 'react';
import { NavLink, useLocation, useSearchParams } from 'react-router-dom';
import type { Session, SessionState } from '../api/session';

const SCREENS = [
  { to: '/', label: 'Live board', end: true },
  { to: '/losses', label: 'Losses' },
  { to: '/alerts', label: 'Alerts' },
  { to: '/models', label: 'Models' },
  { to: '/data', label: 'Data' },
  { to: '/reports', label: 'Reports' },
];

/** The frame of every screen: the navigation, who is signed in, sign-out. TV mode shows the board alone. */
export function Shell({ session, user, children }: { session: Session; user: SessionState; children: ReactNode }) {
  const [params] = useSearchParams();
  const location = useLocation();
  const tv = location.pathname === '/' && params.get('tv') === '1';
  if (tv) return <>{children}</>;
  return (
    <div className="shell">
      <a className="skip-link" href="#content">
        Skip to content
      </a>
      <header className="appbar">
        <span className="brand">Shop floor</span>
        <nav aria-label="Screens" className="screens">
          <ul>
            {SCREENS.map((s) => (
              <li key={s.to}>
                <NavLink to={s.to} end={s.end}>
                  {s.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who" data-testid="role">
          {user.name || 'Signed in'} ({user.role})
        </span>
        <button type="button" onClick={() => session.signOut()}>
          Sign out
        </button>
      </header>
      <div id="content">{children}</div>
    </div>
  );
}
