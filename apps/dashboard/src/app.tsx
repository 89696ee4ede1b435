import { useSyncExternalStore } from 'react';
import type { Session } from './api/session';
import { LiveBoard } from './board/live-board';
import { SignInPage } from './sign-in/sign-in-page';

export function App({ session }: { session: Session }) {
  const user = useSyncExternalStore(session.subscribe, session.current);
  const notice = useSyncExternalStore(session.subscribe, session.lastNotice);
  // Keyed by the token's key id and role: a different sign-in starts from a fresh board.
  return user ? <LiveBoard key={`${user.name}:${user.role}`} session={session} user={user} /> : <SignInPage session={session} notice={notice} />;
}
