/** Small helpers written once for every project: a seeded random generator, binary search, retry backoff. */
export * from './lib/seeded-random';
export * from './lib/lower-bound';
export * from './lib/retry-backoff';
