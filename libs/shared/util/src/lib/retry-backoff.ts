/**
 * How a retry delay is drawn from its exponential step (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * `full` anywhere in [0, step] (spreads retries most), `equal` in [step / 2, step] (never sooner than half a step).
 */
export type BackoffJitter = 'full' | 'equal';

/**
 * Wait before retry `attempt` (1-based; below 1 counts as 1): `baseMs` doubled per attempt, capped at `capMs`, with
 * jitter so that callers that failed together do not all come back at the same moment. Whole milliseconds.
 */
export function retryBackoffMs(attempt: number, baseMs: number, capMs: number, jitter: BackoffJitter, random: () => number = Math.random): number {
  const step = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(jitter === 'full' ? random() * step : step / 2 + (random() * step) / 2);
}
