/** How the integrity check judges the data. */
export interface IntegritySettings {
  /** Consecutive events of one machine further apart than this are a gap, unless the earlier one is OFFLINE. */
  eventGapSeconds: number;
  /** Most items per list in the report; the counts always give the full totals. */
  listLimit: number;
}

export const INTEGRITY_SETTINGS = Symbol('INTEGRITY_SETTINGS');

/** A collecting machine reports at least every few minutes while it is on; an hour of silence means lost data. */
export const DEFAULT_INTEGRITY_SETTINGS: IntegritySettings = { eventGapSeconds: 3600, listLimit: 1000 };
