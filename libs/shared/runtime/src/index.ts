export * from './lib/redis.module';
export * from './lib/health-ping.controller';
export * from './lib/service.module';
export * from './lib/bootstrap';
export * from './lib/migrate-command';
export * from './lib/version';
