import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './test-env';
import { waitFor } from './wait-for';

/** A built service running as its own process, with everything it printed kept for assertions. */
export class ServiceProcess {
  readonly lines: string[] = [];
  private child?: ChildProcess;
  private exit?: Promise<number | null>;
  exitCode: number | null | undefined;

  constructor(
    readonly service: string,
    private readonly env: Record<string, string>,
  ) {}

  static mainPath(service: string): string {
    return join(workspaceRoot(), 'dist', 'apps', service, 'apps', service, 'src', 'main.js');
  }

  /** Starts the process; resolves once it says it is listening (or rejects with its output if it dies first). */
  async start(timeoutMs = 30_000): Promise<void> {
    const main = ServiceProcess.mainPath(this.service);
    if (!existsSync(main)) throw new Error(`${main} is missing: build the apps first (npm run build)`);
    this.exitCode = undefined;
    const from = this.lines.length;
    const child = spawn(process.execPath, [main], {
      env: { PATH: process.env['PATH'] ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exit = new Promise((resolve) => {
      child.once('exit', (code) => {
        this.exitCode = code;
        resolve(code);
      });
    });
    let buffer = '';
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      this.lines.push(...parts.filter((l) => l.length > 0));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    await waitFor(
      `${this.service} to listen`,
      () => {
        if (this.exitCode !== undefined) throw new Error(`${this.service} exited with ${this.exitCode}:\n${this.lines.slice(from).join('\n')}`);
        return this.lines.slice(from).some((l) => l.includes(`${this.service} listening on port`));
      },
      timeoutMs,
    ).catch((error: unknown) => {
      if (this.exitCode === undefined) this.child?.kill('SIGKILL');
      throw error;
    });
  }

  /** Runs the process to completion (for a start that is expected to fail); returns exit code and output. */
  async runToExit(timeoutMs = 20_000): Promise<{ code: number | null; output: string; elapsedMs: number }> {
    const started = Date.now();
    const main = ServiceProcess.mainPath(this.service);
    const child = spawn(process.execPath, [main], { env: { PATH: process.env['PATH'] ?? '', ...this.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    clearTimeout(timer);
    return { code, output, elapsedMs: Date.now() - started };
  }

  /** SIGTERM and wait for a graceful exit; returns the exit code. */
  async stop(timeoutMs = 20_000): Promise<number | null> {
    if (!this.child || this.exitCode !== undefined) return this.exitCode ?? null;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    const code = (await this.exit) ?? null;
    clearTimeout(timer);
    return code;
  }

  kill(): void {
    if (this.child && this.exitCode === undefined) this.child.kill('SIGKILL');
  }

  /** Parsed JSON log lines printed so far. */
  logEntries(): Record<string, unknown>[] {
    return this.lines.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
  }
}
