import type { EventEmitter } from 'node:events';

export interface SupervisorOptions {
  initialDelayMs: number;
  maxDelayMs: number;
  stableAfterMs: number;
  crashLoopAfter: number;
  tailLines: number;
}

export interface SupervisedChild extends EventEmitter {
  pid?: number;
  kill(signal?: NodeJS.Signals): boolean;
  stdout?: NodeJS.ReadableStream | null;
  stderr?: NodeJS.ReadableStream | null;
}

export interface UnitSpec {
  id: string;
  service: string;
  [key: string]: unknown;
}

export interface Unit extends UnitSpec {
  state: 'stopped' | 'running' | 'backoff' | 'crash-loop' | 'stopping';
  pid: number | null;
  restarts: number;
  quickExits: number;
  delayMs: number;
  startedAt: number | null;
  lastExit: { code: number | null; signal: NodeJS.Signals | null; at: number; uptimeMs: number } | null;
  nextStartAt: number | null;
  tail: string[];
}

export interface UnitStatus {
  id: string;
  service: string;
  state: Unit['state'];
  pid: number | null;
  restarts: number;
  started_at: string | null;
  last_exit: { code: number | null; signal: string | null; at: string; uptime_seconds: number } | null;
  next_start_at: string | null;
}

export declare const SUPERVISOR_DEFAULTS: SupervisorOptions;
export declare function nextDelay(previousDelayMs: number, uptimeMs: number, options?: SupervisorOptions): number;
export declare function describeExit(exit: { code: number | null; signal: string | null }): string;

export declare class Supervisor extends EventEmitter {
  constructor(spawn: (unit: Unit) => SupervisedChild, options?: Partial<SupervisorOptions>);
  readonly units: Unit[];
  add(unit: UnitSpec): Unit;
  start(): void;
  running(service: string): Unit[];
  status(): UnitStatus[];
  stop(phases: string[][], graceMs: number): Promise<void>;
  signalAll(signal: NodeJS.Signals): void;
}
