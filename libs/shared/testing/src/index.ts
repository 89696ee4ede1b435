export * from './lib/test-env';
export * from './lib/unique-name';
export * from './lib/wait-for';
export * from './lib/test-database';
export * from './lib/free-port';
export * from './lib/service-process';
export * from './lib/source-database';
export * from './lib/tcp-proxy';
