import { PeriodicTask } from './periodic-task';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('PeriodicTask', () => {
  const tasks: PeriodicTask[] = [];
  const task = (
    run: () => Promise<number | void> | number | void,
    intervalMs: number,
    extra: { firstDelayMs?: number; errors?: Error[] } = {},
  ): PeriodicTask => {
    const created = new PeriodicTask(run, { intervalMs, firstDelayMs: extra.firstDelayMs, onError: (error) => extra.errors?.push(error) });
    tasks.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(tasks.splice(0).map((t) => t.stop()));
  });

  it('runs nothing before start and repeats every interval after it', async () => {
    let runs = 0;
    const t = task(() => void runs++, 20);
    await sleep(50);
    expect(runs).toBe(0);
    t.start();
    t.start();
    await sleep(110);
    expect(runs).toBeGreaterThanOrEqual(2);
    expect(runs).toBeLessThanOrEqual(6);
  });

  it('never overlaps a run with the next one, and follows a long run at once', async () => {
    let active = 0;
    let most = 0;
    const starts: number[] = [];
    const t = task(
      async () => {
        starts.push(Date.now());
        active++;
        most = Math.max(most, active);
        await sleep(150);
        active--;
      },
      100,
      { firstDelayMs: 0 },
    );
    t.start();
    await sleep(400);
    expect(most).toBe(1);
    expect(starts.length).toBeGreaterThanOrEqual(2);
    // 150 ms apart, not 150 + 100: the interval counts from the start of the run before.
    for (let i = 1; i < starts.length; i++) expect(starts[i] - starts[i - 1]).toBeLessThan(240);
  });

  it('keeps its schedule after a run throws, and reports the error', async () => {
    const errors: Error[] = [];
    let runs = 0;
    const t = task(
      () => {
        runs++;
        if (runs === 1) throw new Error('first run fails');
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- what a careless run might do
        if (runs === 2) return Promise.reject('not an Error');
      },
      10,
      { firstDelayMs: 0, errors },
    );
    t.start();
    await sleep(80);
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(errors.map((e) => e.message)).toEqual(['first run fails', 'not an Error']);
  });

  it('takes the delay a run returns for the next run', async () => {
    const starts: number[] = [];
    const t = task(
      () => {
        starts.push(Date.now());
        return starts.length === 1 ? 5 : 10_000;
      },
      10_000,
      { firstDelayMs: 0 },
    );
    t.start();
    await sleep(60);
    expect(starts).toHaveLength(2);
  });

  it('runNow runs at once, shares a run in flight, and resets the schedule', async () => {
    let runs = 0;
    let release!: () => void;
    const t = task(async () => {
      runs++;
      await new Promise<void>((resolve) => (release = resolve));
    }, 10_000);
    t.start();
    const first = t.runNow();
    const joined = t.runNow();
    expect(t.running).toBe(true);
    expect(runs).toBe(1);
    release();
    await Promise.all([first, joined]);
    expect(t.running).toBe(false);
    expect(runs).toBe(1);
  });

  it('stop waits for the run in flight and cancels what is pending', async () => {
    let finished = false;
    let runs = 0;
    const t = task(
      async () => {
        runs++;
        await sleep(30);
        finished = true;
      },
      5,
      { firstDelayMs: 0 },
    );
    t.start();
    await sleep(5);
    await t.stop();
    expect(finished).toBe(true);
    await sleep(30);
    expect(runs).toBe(1);
    await t.runNow();
    expect(runs).toBe(1);
  });

  it('refuses an interval that is not a positive number', () => {
    for (const intervalMs of [0, -1, Number.NaN]) expect(() => new PeriodicTask(() => undefined, { intervalMs, onError: () => undefined })).toThrow(RangeError);
  });
});
