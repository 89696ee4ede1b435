// Assignment of jobs to eligible machines over a horizon: a constructive heuristic and local search.
export * from './lib/schedule-optimizer';
