/**
 * Wall-clock time, written once for every service: the clock of an IANA zone (instant ↔ wall time with the
 * platform's DST rule) and the `HH:MM` times of shifts and quiet hours.
 */
export * from './lib/zone-clock';
export * from './lib/wall-time';
