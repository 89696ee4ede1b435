export * from './lib/services';
export * from './lib/subjects';
export * from './lib/streams';
export * from './lib/error-codes';
export * from './lib/validate-payload';
export * from './lib/payloads/health.payload';
export * from './lib/payloads/machine.payload';
