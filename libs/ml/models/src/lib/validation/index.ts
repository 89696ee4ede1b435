// Splits for honest evaluation: k-fold by class or by group, and a (stratified) hold-out.
export * from './stratified-k-fold';
export * from './group-k-fold';
export * from './holdout-split';
