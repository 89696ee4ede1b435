import { displayPrefix, generateApiKey, hashApiKey, sameHash } from './api-key-secrets';

describe('generateApiKey', () => {
  it('makes a prefixed, URL-safe key of 256 random bits', () => {
    const key = generateApiKey();

    expect(key.startsWith('sfk_')).toBe(true);
    expect(key.length).toBeGreaterThanOrEqual(40);
    expect(key).toMatch(/^sfk_[A-Za-z0-9_-]{43}$/);
  });

  it('never makes the same key twice', () => {
    const keys = Array.from({ length: 500 }, () => generateApiKey());

    expect(new Set(keys).size).toBe(500);
  });
});

describe('hashApiKey', () => {
  it('is the SHA-256 of the key as 64 lower-case hex characters', () => {
    expect(hashApiKey('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same hash for the same key and different hashes for different keys', () => {
    const key = generateApiKey();

    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashApiKey(key)).not.toBe(hashApiKey(`${key}x`));
  });

  it('hashes non-ASCII keys as UTF-8', () => {
    // SHA-256 of the bytes C3 A4 (UTF-8), not of the single Latin-1 byte E4.
    expect(hashApiKey('\u00e4')).toBe('33e6d73fee82904c8d7afb78de1154d1e8dc2a0edb08120e63df5b9385c2d9cc');
  });
});

describe('displayPrefix', () => {
  it('shows the prefix and six characters of the key', () => {
    expect(displayPrefix('sfk_AbCdEfGhIjKlMn')).toBe('sfk_AbCdEf');
  });

  it('is too short to use yet long enough to tell generated keys apart', () => {
    const key = generateApiKey();

    expect(displayPrefix(key)).toHaveLength(10);
    expect(key.startsWith(displayPrefix(key))).toBe(true);
  });
});

describe('sameHash', () => {
  it('matches a hash with itself', () => {
    const hash = hashApiKey('sfk_first');

    expect(sameHash(hash, hashApiKey('sfk_first'))).toBe(true);
  });

  it('tells different hashes apart', () => {
    expect(sameHash(hashApiKey('sfk_first'), hashApiKey('sfk_second'))).toBe(false);
  });

  it('rejects hashes of different lengths without throwing', () => {
    const hash = hashApiKey('sfk_first');

    expect(sameHash(hash, hash.slice(0, 62))).toBe(false);
    expect(sameHash(hash, '')).toBe(false);
  });
});
