import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { Session } from './api/session';
import { App } from './app';
import './styles.css';

const session = new Session(window.location.origin);
const queries = new QueryClient({ defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false } } });
// Signing out drops everything read with the old token.
session.subscribe(() => {
  if (!session.current()) queries.clear();
});

const root = document.getElementById('root');
if (root)
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queries}>
        <BrowserRouter>
          <App session={session} />
        </BrowserRouter>
      </QueryClientProvider>
    </StrictMode>,
  );
