/**
 * Runs identical work at most once at a time: a caller arriving while it runs waits for the next run, shared by every
 * caller that arrives before that run starts; so each caller's result comes from a run that started after it asked.
 */
export class CoalescedRequests {
  private readonly running = new Map<string, Promise<unknown>>();
  private readonly queued = new Map<string, Promise<unknown>>();

  /** `joined` is told whether the caller shares a run with an earlier caller. */
  run<T>(key: string, work: () => Promise<T>, joined?: (joined: boolean) => void): Promise<T> {
    const queued = this.queued.get(key);
    joined?.(queued !== undefined);
    if (queued) return queued as Promise<T>;
    const running = this.running.get(key);
    if (!running) return this.start(key, work);
    const next = running.then(settled, settled).then(() => {
      this.queued.delete(key);
      return this.start(key, work);
    });
    this.queued.set(key, next);
    return next;
  }

  private start<T>(key: string, work: () => Promise<T>): Promise<T> {
    const run: Promise<T> = work().finally(() => {
      if (this.running.get(key) === run) this.running.delete(key);
    });
    this.running.set(key, run);
    return run;
  }
}

const settled = (): void => undefined;
