/** Start and end (ms) of the fixed window that contains `now`. */
export function windowOf(now: number, windowMs: number): { start: number; end: number } {
  const start = Math.floor(now / windowMs) * windowMs;
  return { start, end: start + windowMs };
}

/** Seconds a client must wait before the next window opens (at least 1, as Retry-After takes whole seconds). */
export function retryAfterSeconds(now: number, windowMs: number): number {
  return Math.max(1, Math.ceil((windowOf(now, windowMs).end - now) / 1000));
}
