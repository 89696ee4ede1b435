import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import { nextDelay, Supervisor, SUPERVISOR_DEFAULTS, type SupervisedChild, type Unit } from './supervisor.cjs';

/** A process stand-in: exits when told to, or when it gets a signal (SIGTERM after `termMs`). */
class FakeChild extends EventEmitter implements SupervisedChild {
  static nextPid = 100;
  readonly pid = FakeChild.nextPid++;
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly signals: string[] = [];
  exited = false;

  constructor(private readonly termMs = 0) {
    super();
  }

  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    this.signals.push(signal);
    if (signal === 'SIGKILL') this.exit(null, 'SIGKILL');
    else if (this.termMs >= 0) setTimeout(() => this.exit(0, null), this.termMs);
    return true;
  }

  exit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.exited) return;
    this.exited = true;
    this.emit('close', code, signal);
  }
}

function supervise(options: { termMs?: number } = {}): { supervisor: Supervisor; spawned: Map<string, FakeChild[]> } {
  const spawned = new Map<string, FakeChild[]>();
  const supervisor = new Supervisor((unit: Unit) => {
    const child = new FakeChild(options.termMs);
    spawned.set(unit.id, [...(spawned.get(unit.id) ?? []), child]);
    return child;
  });
  return { supervisor, spawned };
}

const last = (children: FakeChild[] | undefined): FakeChild => {
  const child = children?.[children.length - 1];
  if (!child) throw new Error('nothing spawned');
  return child;
};

describe(Supervisor.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('doubles the restart delay from 1 s up to 30 s while a process keeps exiting soon after its start', () => {
    const delays: number[] = [];
    let delay = 0;
    for (let i = 0; i < 8; i += 1) delays.push((delay = nextDelay(delay, 500)));
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('restarts after the initial delay again once the process had stayed up a while', () => {
    expect(nextDelay(30_000, SUPERVISOR_DEFAULTS.stableAfterMs)).toBe(1000);
    expect(nextDelay(30_000, SUPERVISOR_DEFAULTS.stableAfterMs - 1)).toBe(30_000);
  });

  it('restarts a process that exits unexpectedly, counting restarts and keeping the last exit', () => {
    const { supervisor, spawned } = supervise();
    const exits: unknown[] = [];
    supervisor.on('exit', (unit: Unit, exit: unknown) => exits.push([unit.id, exit]));
    supervisor.add({ id: 'analytics', service: 'analytics' });
    supervisor.start();
    jest.advanceTimersByTime(5000);
    last(spawned.get('analytics')).exit(null, 'SIGKILL');

    expect(exits).toEqual([['analytics', { code: null, signal: 'SIGKILL', uptimeMs: 5000, delayMs: 1000 }]]);
    expect(supervisor.status()[0]).toMatchObject({ state: 'backoff', pid: null, restarts: 1, last_exit: { code: null, signal: 'SIGKILL', uptime_seconds: 5 } });
    jest.advanceTimersByTime(999);
    expect(spawned.get('analytics')).toHaveLength(1);
    jest.advanceTimersByTime(1);
    expect(spawned.get('analytics')).toHaveLength(2);
    expect(supervisor.status()[0]).toMatchObject({ state: 'running', pid: last(spawned.get('analytics')).pid, restarts: 1 });
  });

  it('reports a process that keeps exiting right after its start as crash-looping, once, with its last output, and keeps retrying', () => {
    const { supervisor, spawned } = supervise();
    const loops: string[][] = [];
    supervisor.on('crash-loop', (unit: Unit) => loops.push([...unit.tail]));
    supervisor.add({ id: 'ml', service: 'ml' });
    supervisor.start();
    for (let i = 0; i < 7; i += 1) {
      const child = last(spawned.get('ml'));
      child.stderr.write(`ml: DATABASE_URL is missing (attempt ${i})\n`);
      child.exit(1, null);
      jest.advanceTimersByTime(30_000);
    }
    expect(loops).toHaveLength(1);
    expect(loops[0][loops[0].length - 1]).toBe('ml: DATABASE_URL is missing (attempt 4)');
    expect(supervisor.status()[0]).toMatchObject({ state: 'crash-loop', restarts: 7 });
    expect(spawned.get('ml')).toHaveLength(8);
  });

  it('says when a crash-looping process has stayed up again', () => {
    const { supervisor, spawned } = supervise();
    const recovered: string[] = [];
    supervisor.on('recovered', (unit: Unit) => recovered.push(unit.id));
    supervisor.add({ id: 'ml', service: 'ml' });
    supervisor.start();
    for (let i = 0; i < 5; i += 1) {
      last(spawned.get('ml')).exit(1, null);
      jest.advanceTimersByTime(30_000);
    }
    expect(supervisor.status()[0].state).toBe('crash-loop');
    jest.advanceTimersByTime(SUPERVISOR_DEFAULTS.stableAfterMs);
    expect(recovered).toEqual(['ml']);
    expect(supervisor.status()[0].state).toBe('running');
  });

  it('stops the services phase by phase, each waited for before the next, and restarts nothing', async () => {
    const { supervisor, spawned } = supervise({ termMs: 100 });
    for (const id of ['gateway#1', 'gateway#2']) supervisor.add({ id, service: 'gateway' });
    for (const service of ['ingestion', 'analytics', 'ml']) supervisor.add({ id: service, service });
    supervisor.start();
    const order: string[] = [];
    for (const [id, children] of spawned) last(children).once('close', () => order.push(id));
    // One replica is waiting for its restart when the stop comes: it must stay down.
    last(spawned.get('ml')).exit(1, null);

    const stopped = supervisor.stop([['gateway'], ['ingestion'], ['analytics', 'ml']], 20_000);
    expect(last(spawned.get('ingestion')).signals).toEqual([]);
    await jest.advanceTimersByTimeAsync(100);
    expect(last(spawned.get('ingestion')).signals).toEqual(['SIGTERM']);
    expect(last(spawned.get('analytics')).signals).toEqual([]);
    await jest.advanceTimersByTimeAsync(200);
    await stopped;
    await jest.advanceTimersByTimeAsync(60_000);

    expect(order).toEqual(['ml', 'gateway#1', 'gateway#2', 'ingestion', 'analytics']);
    expect(spawned.get('ml')).toHaveLength(1);
    expect(supervisor.status().map((s) => s.state)).toEqual(['stopped', 'stopped', 'stopped', 'stopped', 'stopped']);
  });

  it('kills a process that does not stop within the grace time', async () => {
    const { supervisor, spawned } = supervise({ termMs: -1 });
    supervisor.add({ id: 'notification', service: 'notification' });
    supervisor.start();
    const stopped = supervisor.stop([['notification']], 20_000);
    await jest.advanceTimersByTimeAsync(20_000);
    await stopped;
    expect(last(spawned.get('notification')).signals).toEqual(['SIGTERM', 'SIGKILL']);
  });
});
