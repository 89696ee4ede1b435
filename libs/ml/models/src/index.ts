// Learning algorithms and their evaluation: plain TypeScript, no framework and no I/O, the same code at training and
// at serving.
export * from './lib/gbdt';
export * from './lib/metrics';
export * from './lib/validation';
export * from './lib/isolation-forest';
export * from './lib/series-features';
export * from './lib/survival';
