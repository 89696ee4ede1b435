// Job-to-machine scheduling: the optimiser, the naive baseline it is judged against, and the shared cost and checks.
export * from './schedule-problem';
export { optimizeSchedule, defaultIterations } from './schedule-optimizer';
export { naiveEarliestDue } from './naive-earliest-due';
export { scheduleCost } from './schedule-cost';
export { scheduleViolations } from './schedule-violations';
