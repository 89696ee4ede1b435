import { retryBackoffMs } from '@shopfloor/util';
export type CircuitState = 'closed' | 'open' | 'half_open';

/**
 * Stops hammering a failing source: after `failureThreshold` failed operations in a row the circuit opens and
 * calls fail fast for `openMs`; then one trial call is let through (half open) — success closes the circuit, a
 * failure opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trialInFlight = false;

  constructor(
    private readonly failureThreshold: number,
    private readonly openMs: number,
  ) {}

  state(now = Date.now()): CircuitState {
    if (this.openedAt === null) return 'closed';
    return now - this.openedAt >= this.openMs ? 'half_open' : 'open';
  }

  /** Whether a call may go to the source now (in half-open state, only one at a time). */
  tryAcquire(now = Date.now()): boolean {
    const state = this.state(now);
    if (state === 'closed') return true;
    if (state === 'open' || this.trialInFlight) return false;
    this.trialInFlight = true;
    return true;
  }

  onSuccess(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trialInFlight = false;
  }

  onFailure(now = Date.now()): void {
    this.trialInFlight = false;
    this.failures += 1;
    if (this.openedAt !== null || this.failures >= this.failureThreshold) this.openedAt = now;
  }
}

/** Delay before retry `attempt` (1-based): exponential from `baseMs`, capped, with full jitter (any wait up to the step). */
export function backoffDelayMs(attempt: number, baseMs: number, capMs: number, random: () => number = Math.random): number {
  return retryBackoffMs(attempt, baseMs, capMs, 'full', random);
}
