/** How long a gateway replica trusts what it has looked up about an API key, without asking PostgreSQL again. */
export interface CredentialCacheOptions {
  /**
   * A revocation reaches every replica over NATS at once; this only bounds how long one whose message was lost keeps
   * accepting the key and its tokens.
   */
  ttlMs: number;
  /** Most keys remembered at once; the oldest entry makes room. */
  maxEntries: number;
}

export const CREDENTIAL_CACHE_OPTIONS = Symbol('CREDENTIAL_CACHE_OPTIONS');

export const DEFAULT_CREDENTIAL_CACHE_OPTIONS: CredentialCacheOptions = {
  ttlMs: 30_000,
  maxEntries: 10_000,
};
