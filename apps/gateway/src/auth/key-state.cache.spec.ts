import { KeyStateCache } from './key-state.cache';

const TTL = 30_000;

describe(KeyStateCache.name, () => {
  it('trusts an active answer for the cache lifetime from when it was read, then asks for a lookup', () => {
    const cache = new KeyStateCache({ ttlMs: TTL, maxEntries: 10 });
    expect(cache.revoked('k', 0)).toBeUndefined();

    cache.recordActive('k', 1_000);

    expect(cache.revoked('k', 1_000 + TTL - 1)).toBe(false);
    expect(cache.revoked('k', 1_000 + TTL)).toBeUndefined();
  });

  it('keeps a revocation for good', () => {
    const cache = new KeyStateCache({ ttlMs: TTL, maxEntries: 10 });

    expect(cache.markRevoked('k')).toBe(true);

    expect(cache.revoked('k', Number.MAX_SAFE_INTEGER)).toBe(true);
  });

  it('lets no active answer, however fresh, undo a revocation heard before it was recorded', () => {
    const cache = new KeyStateCache({ ttlMs: TTL, maxEntries: 10 });
    cache.markRevoked('k');

    cache.recordActive('k', 5_000);

    expect(cache.revoked('k', 5_000)).toBe(true);
  });

  it('tells a revocation that is news from one it already knew', () => {
    const cache = new KeyStateCache({ ttlMs: TTL, maxEntries: 10 });
    cache.recordActive('k', 0);

    expect(cache.markRevoked('k')).toBe(true);
    expect(cache.markRevoked('k')).toBe(false);
  });

  it('makes room by forgetting the entry written longest ago', () => {
    const cache = new KeyStateCache({ ttlMs: TTL, maxEntries: 2 });
    cache.recordActive('a', 0);
    cache.markRevoked('b');
    cache.recordActive('a', 1);

    cache.recordActive('c', 2);

    expect(cache.revoked('b', 3)).toBeUndefined();
    expect(cache.revoked('a', 3)).toBe(false);
    expect(cache.revoked('c', 3)).toBe(false);
  });
});
