import type { ReactNode } from 'react';

/** Shown while a screen's data loads; keeps the space it will take so the page does not jump. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="notice loading" role="status" aria-busy="true">
      Loading {what}…
    </p>
  );
}

/** An API or network failure, what to do about it, and a retry. */
export function ErrorState({ error, onRetry, hint }: { error: Error; onRetry?: () => void; hint?: ReactNode }) {
  return (
    <div className="notice notice-error" role="alert">
      <p>{error.message}</p>
      <p>{hint ?? 'Check that the gateway is running and reachable, then try again.'}</p>
      {onRetry ? (
        <button type="button" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

/** Nothing to show yet, and why / what to do. */
export function Empty({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

/** The one of loading / error / content that applies to a query. */
export function QueryState<T>(props: {
  query: { isPending: boolean; error: Error | null; data: T | undefined; refetch: () => unknown };
  what: string;
  children: (data: T) => ReactNode;
}) {
  const { query, what, children } = props;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending || query.data === undefined) return <Loading what={what} />;
  return <>{children(query.data)}</>;
}
