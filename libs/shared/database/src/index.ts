export * from './lib/snake-naming.strategy';
export * from './lib/data-source-options';
export * from './lib/database.module';
export * from './lib/run-migrations';
export * from './lib/base-columns';
export * from './lib/versioned-upsert';
