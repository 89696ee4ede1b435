import { retryBackoffMs } from '@shopfloor/util';

/**
 * Wait before the retry that follows failed attempt `attempt` (1-based): doubling from `baseMs` up to `capMs`, then
 * "equal jitter" — a random point in the upper half — so that deliveries that failed together (a receiver that was
 * down) do not all come back at the same moment, and none comes back sooner than half its step.
 */
export function retryDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return retryBackoffMs(attempt, baseMs, capMs, 'equal', random);
}
