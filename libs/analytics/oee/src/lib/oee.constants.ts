import type { Weekday } from './oee.types';

/** World-class OEE (Nakajima's TPM benchmark); `benchmark_comparison` = overall_oee / this (API.md). */
export const OEE_BENCHMARK = 0.85;

/** ISO 8601 order: Monday first, so `WEEKDAYS[isoWeekday - 1]` names a day. */
export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The most shifts one weekly calendar may hold. */
export const MAX_SHIFTS = 50;

/** The longest shift name. */
export const MAX_SHIFT_NAME_LENGTH = 50;
