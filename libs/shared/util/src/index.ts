/** Small helpers written once for every project: a seeded random generator, binary search, retry backoff, periodic tasks. */
export * from './lib/seeded-random';
export * from './lib/lower-bound';
export * from './lib/retry-backoff';
export * from './lib/periodic-task';
