import { useState, type FormEvent } from 'react';
import type { Session } from '../api/session';

export function SignInPage({ session, notice }: { session: Session; notice: string | null }) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (!key.trim()) {
      setError('Enter an API key.');
      return;
    }
    setBusy(true);
    const failure = await session.signIn(key);
    setBusy(false);
    if (failure) setError(failure);
    else setKey('');
  };

  return (
    <main className="sign-in">
      <h1>Shop floor</h1>
      <form onSubmit={(e) => void submit(e)} aria-describedby="sign-in-help">
        <label htmlFor="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
          required
        />
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {(error ?? notice) ? (
          <p id="sign-in-error" className="form-error" role="alert">
            {error ?? notice}
          </p>
        ) : null}
        <p id="sign-in-help" className="help">
          The key is exchanged for a short-lived token and not kept by the browser; the token lasts for this tab only. An admin creates keys (viewer, operator
          or admin).
        </p>
      </form>
    </main>
  );
}
