// Features of a machine over a time window from its shop-floor records: the same pure functions at training and serving.
export * from './lib/shopfloor-features';
