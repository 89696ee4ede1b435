import { setTimeout as sleep } from 'node:timers/promises';

/** One kind of request the steady traffic sends, and what makes a 200 answer correct. */
export interface Endpoint {
  name: string;
  path(turn: number): string;
  /** A problem with a 200 answer's body, or null when it is right. */
  check(body: unknown, path: string): string | null;
}

export interface TrafficCounts {
  /** Requests finished: right + 503 + wrong. */
  requests: number;
  /** 200 with a correct body. */
  ok: number;
  /** 503 with the contract's SERVICE_UNAVAILABLE body. */
  unavailable: number;
  /** Connections cut by a killed process, sent again once (as an HTTP client or proxy does for an idempotent GET). */
  resent: number;
  /** Anything else: a wrong body, another status, a second cut, no answer in time. */
  wrong: number;
  slowestMs: number;
}

const ZERO: TrafficCounts = { requests: 0, ok: 0, unavailable: 0, resent: 0, wrong: 0, slowestMs: 0 };
/** Far above the gateway's bounded wait for a service (RPC_TIMEOUT_MS): an answer slower than this is a hang. */
const ANSWER_WITHIN_MS = 20_000;

/**
 * A steady stream of API reads through the public port, each answer classified: right, refused with the contract's
 * 503, or wrong. Counts are cumulative; `since(mark)` gives those of one stretch (one injected fault).
 */
export class SteadyTraffic {
  private counts: TrafficCounts = { ...ZERO };
  private running = false;
  private loops: Promise<void>[] = [];
  /** What the wrong answers were (the first ones of each stretch are enough to diagnose). */
  readonly wrongAnswers: { at: string; what: string }[] = [];

  constructor(
    private readonly baseUrl: () => string,
    private readonly credentials: Record<string, string>[],
    private readonly endpoints: Endpoint[],
    private readonly concurrency = 3,
    private readonly pauseMs = 20,
  ) {}

  start(): void {
    this.running = true;
    this.loops = Array.from({ length: this.concurrency }, (_, i) => this.loop(i));
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  mark(): TrafficCounts {
    return { ...this.counts };
  }

  since(mark: TrafficCounts): TrafficCounts {
    const c = this.counts;
    // A request counts once answered (or given up on), so that a stretch's totals add up.
    const requests = c.ok + c.unavailable + c.wrong - (mark.ok + mark.unavailable + mark.wrong);
    return {
      requests,
      ok: c.ok - mark.ok,
      unavailable: c.unavailable - mark.unavailable,
      resent: c.resent - mark.resent,
      wrong: c.wrong - mark.wrong,
      slowestMs: c.slowestMs,
    };
  }

  resetSlowest(): void {
    this.counts.slowestMs = 0;
  }

  private async loop(worker: number): Promise<void> {
    for (let turn = worker; this.running; turn += this.concurrency) {
      const endpoint = this.endpoints[turn % this.endpoints.length];
      const headers = this.credentials[turn % this.credentials.length];
      await this.one(endpoint, endpoint.path(turn), headers);
      await sleep(this.pauseMs);
    }
  }

  private async one(endpoint: Endpoint, path: string, headers: Record<string, string>): Promise<void> {
    const started = Date.now();
    let answer: { status: number; body: string; requestId: string | null } | undefined;
    for (let attempt = 1; attempt <= 2 && !answer; attempt += 1) {
      try {
        const response = await fetch(`${this.baseUrl()}${path}`, { headers, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
        answer = { status: response.status, body: await response.text(), requestId: response.headers.get('x-request-id') };
      } catch (error) {
        const cause = error as Error & { cause?: { code?: string } };
        if (cause.name === 'TimeoutError') return this.wrong(endpoint, `no answer within ${ANSWER_WITHIN_MS} ms`, started);
        if (attempt === 2) return this.wrong(endpoint, `connection failed twice: ${cause.cause?.code ?? cause.message}`, started);
        this.counts.resent += 1;
        await sleep(100);
      }
    }
    if (!answer) return;
    this.counts.slowestMs = Math.max(this.counts.slowestMs, Date.now() - started);
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return this.wrong(endpoint, `${answer.status} with a body that is not JSON: ${answer.body.slice(0, 120)}`, started);
    }
    if (answer.status === 200) {
      const problem = endpoint.check(body, path);
      if (problem) return this.wrong(endpoint, `200 but ${problem}`, started);
      this.counts.ok += 1;
      return;
    }
    const error = body as { error_code?: unknown; message?: unknown; request_id?: unknown };
    if (answer.status === 503 && error.error_code === 'SERVICE_UNAVAILABLE' && typeof error.message === 'string' && error.request_id === answer.requestId) {
      this.counts.unavailable += 1;
      return;
    }
    this.wrong(endpoint, `${answer.status} ${answer.body.slice(0, 200)}`, started);
  }

  private wrong(endpoint: Endpoint, what: string, started: number): void {
    this.counts.wrong += 1;
    this.counts.slowestMs = Math.max(this.counts.slowestMs, Date.now() - started);
    if (this.wrongAnswers.length < 200) this.wrongAnswers.push({ at: new Date().toISOString(), what: `${endpoint.name}: ${what}` });
  }
}
