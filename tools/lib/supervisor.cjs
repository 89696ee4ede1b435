// Keeps the processes `npm start` runs alive on one host, as a container runtime or Kubernetes would: a process that
// exits unexpectedly is started again after an exponential backoff, one that keeps exiting soon after its start is
// reported as crash-looping (with its last output) instead of looping silently, and a stop terminates the processes
// in the given order without restarting any of them. Pure process management: what to start is the caller's.
'use strict';
const { EventEmitter } = require('node:events');

const DEFAULTS = {
  /** First restart delay, doubled per quick exit up to maxDelayMs. */
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  /** A process up this long counts as healthy again: its next restart waits initialDelayMs. */
  stableAfterMs: 60_000,
  /** Quick exits in a row (each within stableAfterMs of the start) that make a crash loop. */
  crashLoopAfter: 5,
  /** Output lines kept of a process's latest run, shown when it crash-loops. */
  tailLines: 15,
};

/** The delay before the next start of a process that exited after `uptimeMs`, having waited `previousDelayMs` before. */
function nextDelay(previousDelayMs, uptimeMs, options = DEFAULTS) {
  if (previousDelayMs === 0 || uptimeMs >= options.stableAfterMs) return options.initialDelayMs;
  return Math.min(previousDelayMs * 2, options.maxDelayMs);
}

const describeExit = (exit) => (exit.signal ? exit.signal : `code ${exit.code}`);

/**
 * A set of supervised units (one process each). `spawn(unit)` starts a unit's process and returns the child
 * (an EventEmitter with `pid`, `kill(signal)`, a 'close' event and optionally `stdout`/`stderr` streams).
 *
 * Events: 'spawn' (unit), 'exit' (unit, { code, signal, uptimeMs, delayMs }) for an unexpected exit and the restart
 * it schedules, 'crash-loop' (unit), 'recovered' (unit) once a crash-looping unit stays up, 'change' after any of them.
 */
class Supervisor extends EventEmitter {
  constructor(spawn, options = {}) {
    super();
    this.spawnProcess = spawn;
    this.options = { ...DEFAULTS, ...options };
    this.units = [];
    this.stopping = false;
  }

  /** Adds a unit: { id, service, ...anything the spawn function needs }. */
  add(unit) {
    const state = {
      ...unit,
      state: 'stopped',
      pid: null,
      child: null,
      restarts: 0,
      quickExits: 0,
      delayMs: 0,
      startedAt: null,
      lastExit: null,
      nextStartAt: null,
      timer: null,
      stableTimer: null,
      tail: [],
    };
    this.units.push(state);
    return state;
  }

  start() {
    for (const unit of this.units) this.launch(unit);
  }

  /** Units of a service whose process is up (spawned and not exited). */
  running(service) {
    return this.units.filter((u) => u.service === service && u.child !== null);
  }

  /** A plain view of every unit, for status tables and files. */
  status() {
    return this.units.map((u) => ({
      id: u.id,
      service: u.service,
      state: u.state,
      pid: u.pid,
      restarts: u.restarts,
      started_at: u.startedAt === null ? null : new Date(u.startedAt).toISOString(),
      last_exit: u.lastExit && {
        code: u.lastExit.code,
        signal: u.lastExit.signal,
        at: new Date(u.lastExit.at).toISOString(),
        uptime_seconds: Math.round(u.lastExit.uptimeMs / 1000),
      },
      next_start_at: u.nextStartAt === null ? null : new Date(u.nextStartAt).toISOString(),
    }));
  }

  launch(unit) {
    if (this.stopping) return;
    unit.timer = null;
    unit.nextStartAt = null;
    const child = this.spawnProcess(unit);
    unit.child = child;
    unit.pid = child.pid ?? null;
    unit.startedAt = Date.now();
    unit.tail = [];
    if (unit.state !== 'crash-loop') unit.state = 'running';
    for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => this.keepTail(unit, chunk));
    // 'close' comes after the output streams end, so the tail holds the last words of a crash.
    child.once('close', (code, signal) => this.onExit(unit, child, code, signal));
    // Up long enough: the next exit is not a quick one, so the backoff and the crash-loop count start over.
    unit.stableTimer = setTimeout(() => {
      const wasLooping = unit.state === 'crash-loop';
      unit.quickExits = 0;
      unit.state = 'running';
      if (wasLooping) this.emit('recovered', unit);
      this.emit('change');
    }, this.options.stableAfterMs);
    unit.stableTimer.unref?.();
    this.emit('spawn', unit);
    this.emit('change');
  }

  onExit(unit, child, code, signal) {
    if (unit.child !== child) return;
    clearTimeout(unit.stableTimer);
    const uptimeMs = Date.now() - unit.startedAt;
    unit.child = null;
    unit.pid = null;
    unit.lastExit = { code, signal, at: Date.now(), uptimeMs };
    if (this.stopping) {
      unit.state = 'stopped';
      this.emit('change');
      return;
    }
    unit.quickExits = uptimeMs < this.options.stableAfterMs ? unit.quickExits + 1 : 0;
    unit.delayMs = nextDelay(unit.delayMs, uptimeMs, this.options);
    unit.restarts += 1;
    unit.nextStartAt = Date.now() + unit.delayMs;
    const enteringLoop = unit.quickExits >= this.options.crashLoopAfter && unit.state !== 'crash-loop';
    if (unit.state !== 'crash-loop') unit.state = enteringLoop ? 'crash-loop' : 'backoff';
    unit.timer = setTimeout(() => this.launch(unit), unit.delayMs);
    this.emit('exit', unit, { code, signal, uptimeMs, delayMs: unit.delayMs });
    if (enteringLoop) this.emit('crash-loop', unit);
    this.emit('change');
  }

  keepTail(unit, chunk) {
    const lines = chunk
      .toString('utf8')
      .split('\n')
      .filter((line) => line.trim() !== '');
    unit.tail.push(...lines);
    if (unit.tail.length > this.options.tailLines) unit.tail.splice(0, unit.tail.length - this.options.tailLines);
  }

  /**
   * Stops every unit without restarting any: pending restarts are cancelled, then each phase (a list of services)
   * gets SIGTERM and is waited for before the next, a unit still alive after graceMs gets SIGKILL.
   */
  async stop(phases, graceMs) {
    this.stopping = true;
    for (const unit of this.units) {
      clearTimeout(unit.timer);
      clearTimeout(unit.stableTimer);
      unit.nextStartAt = null;
      if (unit.child === null) unit.state = 'stopped';
    }
    this.emit('change');
    const listed = new Set(phases.flat());
    const rest = [...new Set(this.units.map((u) => u.service))].filter((s) => !listed.has(s));
    for (const services of [...phases, rest]) {
      await Promise.all(this.units.filter((u) => services.includes(u.service) && u.child !== null).map((u) => this.terminate(u, graceMs)));
    }
  }

  /** A signal to every process still up, at once and without restarts (a second Ctrl-C, or this process ending). */
  signalAll(signal) {
    this.stopping = true;
    for (const unit of this.units) {
      clearTimeout(unit.timer);
      clearTimeout(unit.stableTimer);
      unit.child?.kill(signal);
    }
  }

  terminate(unit, graceMs) {
    const child = unit.child;
    return new Promise((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      child.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      unit.state = 'stopping';
      child.kill('SIGTERM');
    });
  }
}

module.exports = { Supervisor, nextDelay, describeExit, SUPERVISOR_DEFAULTS: DEFAULTS };
