/** What a periodic task is told to do; see {@link PeriodicTask}. */
export interface PeriodicTaskOptions {
  /** Milliseconds from the start of one run to the start of the next (a longer run is followed at once, never overlapped). */
  readonly intervalMs: number;
  /** Milliseconds before the first run after `start()`; `intervalMs` when not given. */
  readonly firstDelayMs?: number;
  /** Told of a run that threw or rejected; the schedule goes on. */
  readonly onError: (error: Error) => void;
  /** Whether a pending timer keeps the process alive (default false: a service's server does that). */
  readonly keepAlive?: boolean;
}

/**
 * Work repeated on a timer, the one way the services schedule their own background work (syncs, sweeps, checks,
 * training polls). One run at a time: a run that outlasts the interval is followed at once, not overlapped. A run
 * may return the delay before the next one (sooner while work remains, later when idle); `runNow()` runs at once and
 * resets the schedule; `stop()` cancels what is pending and waits for the run in flight, so a service shuts down with
 * no background work half done.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private inFlight: Promise<void> | undefined;
  private started = false;
  private stopped = false;

  constructor(
    private readonly run: () => Promise<number | void> | number | void,
    private readonly options: PeriodicTaskOptions,
  ) {
    if (!(options.intervalMs > 0)) throw new RangeError(`intervalMs must be positive, got ${options.intervalMs}`);
  }

  /** Schedules the first run; a second call, or one after `stop()`, does nothing. */
  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    this.schedule(this.options.firstDelayMs ?? this.options.intervalMs);
  }

  /** True while a run is in flight. */
  get running(): boolean {
    return this.inFlight !== undefined;
  }

  /**
   * Runs now unless a run is in flight (then resolves when that one ends); the next run follows an interval later.
   * Works before `start()` too (a run on demand); does nothing after `stop()`.
   */
  runNow(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    if (this.stopped) return Promise.resolve();
    clearTimeout(this.timer);
    this.timer = undefined;
    const startedAt = Date.now();
    // The rest runs in a later microtask, so inFlight is set before it is cleared even when run() throws at once.
    const inFlight = this.execute().then((next) => {
      this.inFlight = undefined;
      if (!this.started || this.stopped) return;
      const delay = typeof next === 'number' && Number.isFinite(next) ? next : this.options.intervalMs - (Date.now() - startedAt);
      this.schedule(Math.max(0, delay));
    });
    this.inFlight = inFlight;
    return inFlight;
  }

  /** Cancels the pending run and waits for the one in flight; the task does not run again. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.inFlight;
  }

  private async execute(): Promise<number | void> {
    try {
      return await this.run();
    } catch (error) {
      this.options.onError(error instanceof Error ? error : new Error(String(error)));
      return undefined;
    }
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.runNow(), delayMs);
    if (!this.options.keepAlive) this.timer.unref();
  }
}
