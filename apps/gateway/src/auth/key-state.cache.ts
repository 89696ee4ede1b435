import type { CredentialCacheOptions } from './credential-cache.options';

interface KeyState {
  revoked: boolean;
  /** Epoch ms after which the state must be looked up again; revocations never go stale. */
  until: number;
}

/**
 * Whether each API key id is revoked, as last looked up or heard. A revoked key is never reinstated (revocation only
 * sets `revoked_at`), so a revocation is kept for good and wins over an "active" answer read before it arrived.
 */
export class KeyStateCache {
  private readonly states = new Map<string, KeyState>();

  constructor(private readonly options: CredentialCacheOptions) {}

  /** true or false while the last answer is fresh; undefined when it must be looked up. */
  revoked(id: string, now: number): boolean | undefined {
    const state = this.states.get(id);
    if (!state || state.until <= now) return undefined;
    return state.revoked;
  }

  /** A lookup found the key active, as of `readAt`: trusted until `readAt` + ttl, so a slow lookup does not stretch the bound. */
  recordActive(id: string, readAt: number): void {
    if (this.states.get(id)?.revoked) return;
    this.put(id, { revoked: false, until: readAt + this.options.ttlMs });
  }

  /** True when this is news: the key was not known to be revoked before. */
  markRevoked(id: string): boolean {
    if (this.states.get(id)?.revoked) return false;
    this.put(id, { revoked: true, until: Number.POSITIVE_INFINITY });
    return true;
  }

  private put(id: string, state: KeyState): void {
    this.states.delete(id);
    if (this.states.size >= this.options.maxEntries) this.states.delete(this.states.keys().next().value as string);
    this.states.set(id, state);
  }
}
