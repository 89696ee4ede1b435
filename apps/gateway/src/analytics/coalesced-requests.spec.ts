import { CoalescedRequests } from './coalesced-requests';

/** Work whose runs the test finishes by hand, recording when each started. */
function manualWork(): { work: () => Promise<number>; starts: number[]; finish: () => void } {
  const starts: number[] = [];
  const pending: (() => void)[] = [];
  let runs = 0;
  return {
    starts,
    work: () => {
      runs += 1;
      const run = runs;
      starts.push(run);
      return new Promise<number>((resolve) => pending.push(() => resolve(run)));
    },
    finish: () => pending.shift()?.(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(CoalescedRequests.name, () => {
  it('runs at once when nothing runs, and serves the callers that came during a run from the next run', async () => {
    const together = new CoalescedRequests();
    const { work, starts, finish } = manualWork();

    const first = together.run('k', work);
    const second = together.run('k', work);
    const third = together.run('k', work);
    expect(starts).toEqual([1]);

    finish();
    expect(await first).toBe(1);
    await tick();
    expect(starts).toEqual([1, 2]);
    // A caller arriving once the second run has started waits for a third.
    const fourth = together.run('k', work);
    finish();
    expect(await Promise.all([second, third])).toEqual([2, 2]);
    await tick();
    finish();
    expect(await fourth).toBe(3);
  });

  it('keeps different keys apart, and a failed run does not fail the callers of the next', async () => {
    const together = new CoalescedRequests();
    let calls = 0;
    const failing = together.run('a', async () => {
      calls += 1;
      throw new Error('down');
    });
    const next = together.run('a', async () => 'up');
    const other = together.run('b', async () => 'other');

    await expect(failing).rejects.toThrow('down');
    expect(await next).toBe('up');
    expect(await other).toBe('other');
    expect(calls).toBe(1);
  });
});
