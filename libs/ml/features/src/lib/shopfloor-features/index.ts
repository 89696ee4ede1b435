export * from './machine-history';
export * from './downtime-category';
export * from './shift-plan';
export * from './feature-options';
export { featureNames, wearColumns } from './feature-layout';
export * from './machine-feature-extractor';
export * from './machine-features';
export * from './training-examples';
export * from './renewal-lives';
