export * from './weibull';
