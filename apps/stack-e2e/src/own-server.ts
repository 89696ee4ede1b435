import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitFor } from '@shopfloor/testing';

/**
 * An infrastructure server (nats-server, redis-server) the fault suite starts on a port of its own, so that it can
 * stop and restart it without touching the machine's shared one.
 */
export class OwnServer {
  private child?: ChildProcess;
  private exited?: Promise<void>;
  readonly output: string[] = [];

  constructor(
    readonly name: string,
    private readonly command: string,
    private readonly args: string[],
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    const child = spawn(this.command, this.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    for (const stream of [child.stdout, child.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        this.output.push(
          ...chunk
            .toString('utf8')
            .split('\n')
            .filter((l) => l.trim() !== ''),
        );
        if (this.output.length > 200) this.output.splice(0, this.output.length - 200);
      });
    }
    await waitFor(
      `${this.name} to accept connections on ${this.port}`,
      async () => {
        if (child.exitCode !== null) throw new Error(`${this.name} exited with ${child.exitCode}:\n${this.output.join('\n')}`);
        return accepts(this.port);
      },
      15_000,
      50,
    );
  }

  /** Stops the server with `signal` (SIGTERM: as an operator restarts it; SIGKILL: as it crashes) and waits for it. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.child || this.child.exitCode !== null || this.child.signalCode !== null) return;
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), 15_000);
    this.child.kill(signal);
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * A nats-server with JetStream on a free port and a store of its own, for a test whose services' queue groups,
 * durable consumers and live subjects must be shared with no other test or service on this machine.
 */
export class OwnNats {
  url = '';
  private server?: OwnServer;
  private storeDir?: string;

  async start(): Promise<void> {
    this.storeDir = mkdtempSync(join(tmpdir(), 'e2e-nats-'));
    const port = await freePort();
    this.server = new OwnServer('nats-server', 'nats-server', ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', this.storeDir], port);
    await this.server.start();
    this.url = `nats://127.0.0.1:${port}`;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.server?.stop(signal);
    if (this.storeDir) rmSync(this.storeDir, { recursive: true, force: true });
  }
}

/** Whether something listens on 127.0.0.1:port. */
export function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
