import { createShopfloorClient, type ErrorBody, type ShopfloorClient } from '@shopfloor/client';

export type Role = 'viewer' | 'operator' | 'admin';

export interface SessionState {
  token: string;
  role: Role;
  /** The key's name, as the token carries it. */
  name: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };
/** Tab-scoped, so a reload of a wall board keeps its sign-in; the API key itself is never stored. */
const STORAGE_KEY = 'shopfloor.session';

export function roleAllows(actual: Role, required: Role): boolean {
  return RANK[actual] >= RANK[required];
}

/** The message of an API error body, or a plain one for anything else (network down, not JSON). */
export function errorMessage(error: unknown, fallback: string): string {
  const body = error as Partial<ErrorBody> | undefined;
  return typeof body?.message === 'string' ? body.message : fallback;
}

/** The role, name and expiry a bearer token carries (its claims are readable; only the gateway can verify them). */
function readToken(token: string, expiresIn: number): SessionState | null {
  try {
    const payload = token.split('.')[1] ?? '';
    const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { role?: string; name?: string; exp?: number };
    if (claims.role !== 'viewer' && claims.role !== 'operator' && claims.role !== 'admin') return null;
    const expiresAt = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + expiresIn * 1000;
    return { token, role: claims.role, name: claims.name ?? '', expiresAt };
  } catch {
    return null;
  }
}

function load(): SessionState | null {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as SessionState | null;
    return saved && saved.expiresAt > Date.now() + 5_000 ? saved : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in state: a bearer token exchanged for an API key, renewed before it expires with
 * POST /api/v1/auth/token/refresh, dropped on sign-out or when the API refuses it (the key revoked).
 */
export class Session {
  readonly api: ShopfloorClient;
  private state: SessionState | null = load();
  private notice: string | null = null;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private renewal: Promise<boolean> | null = null;

  constructor(private readonly baseUrl: string) {
    this.api = createShopfloorClient({
      baseUrl,
      token: () => this.state?.token ?? '',
      fetch: async (request) => {
        const response = await fetch(request);
        if (response.status === 401 && this.state) this.signOut('Your session has ended (the key may have been revoked). Sign in again.');
        return response;
      },
    });
    this.schedule();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly current = (): SessionState | null => this.state;

  /** Why the last session ended, to show on the sign-in form. */
  readonly lastNotice = (): string | null => this.notice;

  /** The current token for a WebSocket URL. */
  token(): string {
    return this.state?.token ?? '';
  }

  /** Exchanges the key for a token; resolves to an error message, or null once signed in. */
  async signIn(apiKey: string): Promise<string | null> {
    const client = createShopfloorClient({ baseUrl: this.baseUrl, apiKey: apiKey.trim() });
    try {
      const { data, error, response } = await client.POST('/api/v1/auth/token');
      if (!data) {
        if (response.status === 401) return 'This API key is not valid. Check it, or ask an admin for a new one.';
        if (response.status === 429) return 'Too many attempts. Wait a minute and try again.';
        return errorMessage(error, `Sign-in failed (HTTP ${response.status}).`);
      }
      const state = readToken(data.access_token, data.expires_in);
      if (!state) return 'The gateway answered with a token this dashboard cannot read.';
      this.set(state, null);
      return null;
    } catch {
      return 'The gateway cannot be reached. Check the network and try again.';
    }
  }

  /** Renews the token; false (and signed out) when the API refuses. Concurrent callers share one renewal. */
  renew(): Promise<boolean> {
    this.renewal ??= this.doRenew().finally(() => (this.renewal = null));
    return this.renewal;
  }

  signOut(notice: string | null = null): void {
    this.set(null, notice);
  }

  private async doRenew(): Promise<boolean> {
    if (!this.state) return false;
    try {
      const { data, response } = await this.api.POST('/api/v1/auth/token/refresh');
      const state = data ? readToken(data.access_token, data.expires_in) : null;
      if (state) {
        this.set(state, null);
        return true;
      }
      if (response.status === 401 || response.status === 403) this.signOut('Your session has ended. Sign in again.');
      else this.schedule(30_000);
      return false;
    } catch {
      // Offline for now: try again shortly while the token lasts.
      if (this.state && this.state.expiresAt > Date.now()) this.schedule(15_000);
      else this.signOut('Your session expired while the gateway was unreachable. Sign in again.');
      return false;
    }
  }

  private set(state: SessionState | null, notice: string | null): void {
    this.state = state;
    this.notice = notice;
    try {
      if (state) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
      else sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Storage blocked: the session lasts as long as the page.
    }
    this.schedule();
    for (const listener of this.listeners) listener();
  }

  /** Renews at four fifths of the token's life and at least 30 s before it ends, or after `delayMs`. */
  private schedule(delayMs?: number): void {
    clearTimeout(this.timer);
    if (!this.state) return;
    const left = this.state.expiresAt - Date.now();
    const delay = delayMs ?? Math.max(1_000, Math.min(left * 0.8, left - 30_000));
    this.timer = setTimeout(() => void this.renew(), Math.min(delay, 2 ** 31 - 1));
  }
}
