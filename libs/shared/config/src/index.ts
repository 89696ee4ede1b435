export * from './lib/validate-env';
export * from './lib/base-env';
export * from './lib/env.module';
