export * from './lib/request-context';
export * from './lib/logger';
export * from './lib/metrics';
export * from './lib/http-observability.middleware';
export * from './lib/health';
export * from './lib/tracing';
