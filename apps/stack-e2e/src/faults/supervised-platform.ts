import { spawn, type ChildProcess } from 'node:child_process';
import type { EventEmitter } from 'node:events';
import type { Server } from 'node:net';
import { join } from 'node:path';
import { SERVICE_NAMES, type ServiceName } from '@shopfloor/contracts';
import { freePort, ServiceProcess, waitFor, workspaceRoot } from '@shopfloor/testing';

/** One supervised process, as tools/lib/supervisor.cjs keeps it. */
export interface Unit {
  id: string;
  service: ServiceName;
  replica: number;
  port: number;
  pid: number | null;
  restarts: number;
  state: string;
  child: ChildProcess | null;
  tail: string[];
}

interface SupervisorApi extends EventEmitter {
  add(unit: Omit<Unit, 'pid' | 'restarts' | 'state' | 'child' | 'tail'>): Unit;
  start(): void;
  running(service: string): Unit[];
  stop(phases: string[][], graceMs: number): Promise<void>;
  signalAll(signal: NodeJS.Signals): void;
  units: Unit[];
}

/* eslint-disable @typescript-eslint/no-require-imports -- the product's own one-host tooling, plain CommonJS */
const { Supervisor } = require(join(workspaceRoot(), 'tools/lib/supervisor.cjs')) as {
  Supervisor: new (spawn: (unit: Unit) => ChildProcess, options?: Record<string, number>) => SupervisorApi;
};
const { createBalancer } = require(join(workspaceRoot(), 'tools/lib/tcp-balancer.cjs')) as {
  createBalancer: (backends: () => { host: string; port: number }[]) => Server;
};
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Every service as `replicas` processes, kept alive by the same supervisor `npm start` uses (a process that exits is
 * started again after its backoff) and the gateways behind the same round-robin balancer on one public port.
 */
export class SupervisedPlatform {
  readonly units: Unit[] = [];
  publicUrl = '';
  private supervisor?: SupervisorApi;
  private balancer?: Server;
  /** Every line each unit printed, across its restarts (for diagnosing a failed check). */
  readonly logs = new Map<string, string[]>();

  constructor(
    private readonly envOf: (service: ServiceName, port: number) => Record<string, string>,
    private readonly replicas = 2,
  ) {}

  async start(): Promise<void> {
    const supervisor = new Supervisor((unit) => this.spawnUnit(unit), { initialDelayMs: 500, maxDelayMs: 5_000 });
    this.supervisor = supervisor;
    for (const service of SERVICE_NAMES) {
      for (let replica = 1; replica <= this.replicas; replica += 1) {
        this.units.push(supervisor.add({ id: `${service}-${replica}`, service, replica, port: await freePort() }));
      }
    }
    const port = await freePort();
    this.balancer = createBalancer(() => supervisor.running('gateway').map((u) => ({ host: '127.0.0.1', port: u.port })));
    await new Promise<void>((resolve) => this.balancer?.listen(port, '127.0.0.1', resolve));
    this.publicUrl = `http://127.0.0.1:${port}`;
    supervisor.start();
    await this.allReady(180_000);
  }

  private spawnUnit(unit: Unit): ChildProcess {
    const child = spawn(process.execPath, [ServiceProcess.mainPath(unit.service)], {
      env: { PATH: process.env['PATH'] ?? '', ...this.envOf(unit.service, unit.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const log = this.logs.get(unit.id) ?? [];
    this.logs.set(unit.id, log);
    log.push(`--- started (pid ${child.pid})`);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        log.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== ''),
        );
        if (log.length > 2000) log.splice(0, log.length - 2000);
      });
    }
    return child;
  }

  unit(id: string): Unit {
    const unit = this.units.find((u) => u.id === id);
    if (!unit) throw new Error(`no unit ${id}`);
    return unit;
  }

  /** kill -9 of one process; resolves with its pid once it is gone (the supervisor then starts it again). */
  async kill(id: string): Promise<number> {
    const unit = this.unit(id);
    const pid = unit.pid;
    if (pid === null || !unit.child) throw new Error(`${id} is not running`);
    const child = unit.child;
    const gone = new Promise<void>((resolve) => child.once('close', () => resolve()));
    process.kill(pid, 'SIGKILL');
    await gone;
    return pid;
  }

  /** 200 from /ready of one unit's own port. */
  async ready(unit: Unit): Promise<boolean> {
    try {
      const response = await fetch(`http://127.0.0.1:${unit.port}/ready`, { signal: AbortSignal.timeout(3_000) });
      await response.arrayBuffer();
      return response.status === 200;
    } catch {
      return false;
    }
  }

  /** Waits until every unit's /ready answers 200 (and, for a restarted one, a new process is up). */
  async allReady(timeoutMs: number): Promise<void> {
    await waitFor(
      'every replica of every service to be ready',
      async () => (await Promise.all(this.units.map((u) => this.ready(u)))).every(Boolean),
      timeoutMs,
      200,
    ).catch(async (error: unknown) => {
      const ready = await Promise.all(this.units.map((u) => this.ready(u)));
      throw new Error(
        `${(error as Error).message}\n${this.units.map((u, i) => `${u.id}: ${ready[i] ? 'ready' : 'NOT READY'}, ${u.state}, pid ${u.pid}, restarts ${u.restarts}`).join('\n')}`,
      );
    });
  }

  async stop(): Promise<void> {
    if (this.balancer) await new Promise<void>((resolve) => this.balancer?.close(() => resolve()));
    await this.supervisor?.stop([['gateway'], ['ingestion'], ['analytics', 'ml', 'notification']], 20_000);
  }

  /** Last resort in a failed setup: no process may outlive the suite. */
  killAll(): void {
    this.supervisor?.signalAll('SIGKILL');
  }
}
