import { lazy, Suspense, useSyncExternalStore } from 'react';
import { Route, Routes } from 'react-router-dom';
import type { Session } from './api/session';
import { LiveBoard } from './board/live-board';
import { Shell } from './shell/shell';
import { Loading } from './shared/page-state';
import { NotFoundPage } from './shell/not-found-page';
import { SignInPage } from './sign-in/sign-in-page';

// Screens past the board load when first opened, so the wall board ships only what it shows.
const MachinePage = lazy(() => import('./machine/machine-page'));
const LossesPage = lazy(() => import('./losses/losses-page'));
const ReportsPage = lazy(() => import('./reports/reports-page'));
const AlertsPage = lazy(() => import('./alerts/alerts-page'));
const ModelsPage = lazy(() => import('./models/models-page'));
const DataPage = lazy(() => import('./data/data-page'));

export function App({ session }: { session: Session }) {
  const user = useSyncExternalStore(session.subscribe, session.current);
  const notice = useSyncExternalStore(session.subscribe, session.lastNotice);
  if (!user) return <SignInPage session={session} notice={notice} />;
  const props = { session, user };
  // Keyed by the token's key id and role: a different sign-in starts from fresh screens.
  return (
    <Shell key={`${user.name}:${user.role}`} {...props}>
      <Suspense fallback={<Loading what="this screen" />}>
        <Routes>
          <Route path="/" element={<LiveBoard {...props} />} />
          <Route path="/machines/:machineId" element={<MachinePage {...props} />} />
          <Route path="/losses" element={<LossesPage {...props} />} />
          <Route path="/reports" element={<ReportsPage {...props} />} />
          <Route path="/alerts" element={<AlertsPage {...props} />} />
          <Route path="/alerts/:alertId" element={<AlertsPage {...props} />} />
          <Route path="/models" element={<ModelsPage {...props} />} />
          <Route path="/data" element={<DataPage {...props} />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </Shell>
  );
}
