const KNOWN_STATES = new Set(['RUNNING', 'IDLE', 'DOWN', 'SETUP', 'MAINTENANCE', 'UNAVAILABLE']);

const STATE_LABEL: Record<string, string> = {
  RUNNING: 'Running',
  IDLE: 'Idle',
  DOWN: 'Down',
  SETUP: 'Setup',
  MAINTENANCE: 'Maintenance',
  // A data gap (README: LIVE_SILENCE_SECONDS), not a stop: named so that it is never read as DOWN.
  UNAVAILABLE: 'No data',
};

/** A CSS class per state; states the source names otherwise share a neutral look (the text says which). */
export function stateClass(state: string): string {
  const upper = state.toUpperCase();
  return `state-${KNOWN_STATES.has(upper) ? upper.toLowerCase() : 'other'}`;
}

/** The state as the board says it: the known ones in words, any other as the source names it. */
export function stateLabel(state: string): string {
  return STATE_LABEL[state.toUpperCase()] ?? state;
}
