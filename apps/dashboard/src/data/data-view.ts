import type { components } from '@shopfloor/client';

export type SyncStatus = components['schemas']['SyncStatusView'];
export type SyncRun = components['schemas']['SyncRunView'];
export type QuarantinedRow = components['schemas']['QuarantinedRowView'];
export type DeadLetter = components['schemas']['DeadLetterView'];
export type MappingProblem = components['schemas']['MappingProblem'];
export type Integrity = components['schemas']['IntegrityReport'];
export type EntityCounts = components['schemas']['EntityCounts'];

export const ENTITIES: readonly (keyof EntityCounts)[] = ['machines', 'jobs', 'downtime_records', 'machine_events', 'machine_readings'];
export const entityLabel = (entity: string): string => entity.replace(/_/g, ' ');

/** Whether the status is still changing (a sync runs), so that it is read every few seconds. */
export function syncRunning(status: SyncStatus | undefined): boolean {
  return status?.state === 'running' || status?.last_run?.state === 'running';
}

/** A sentence on the sync's health, for the top of the panel. */
export function syncHeadline(status: SyncStatus): string {
  if (!status.source.reachable)
    return `The CIMCO source cannot be reached (circuit ${status.source.circuit.replace('_', '-')}): syncs fail until it answers again.`;
  if (status.source.mapping_problems.length > 0)
    return `The source's columns do not match the mapping (${status.source.mapping_problems.length} problems): syncs refuse to run until it is fixed.`;
  if (syncRunning(status)) return 'A sync is running.';
  const run = status.last_run;
  if (!run) return 'No sync has run yet.';
  if (run.state === 'failed') return `The last sync failed: ${run.error ?? 'no reason given'}`;
  if (run.clean) return 'The last sync succeeded: every row reached every consumer.';
  return 'The last sync succeeded, but some rows were quarantined or dead-lettered (see below).';
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * A source value as plain text to show: control and direction-override characters made visible as \u escapes, long
 * values cut. The page renders it as text (never as HTML), so markup in it shows as written.
 */
export function visibleText(value: unknown, max = 300): string {
  const text = typeof value === 'string' ? value : value === undefined ? 'undefined' : JSON.stringify(value);
  const shown = text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return shown.length > max ? `${shown.slice(0, max)}… (${shown.length - max} more characters)` : shown;
}

/** The columns of a quarantined row, each as visible text. */
export function rawEntries(raw: Record<string, unknown>, max = 300): [string, string][] {
  return Object.entries(raw).map(([key, value]) => [visibleText(key, 80), visibleText(value, max)]);
}

/** Per consumer, what it refused of the last run and what it holds as dead letters now. */
export function downstreamRows(status: SyncStatus): { consumer: string; rejected: number; deadBatches: number; deadRecords: number }[] {
  const consumers = new Set([...Object.keys(status.last_run?.downstream ?? {}), ...Object.keys(status.dead_letters ?? {})]);
  return [...consumers].sort().map((consumer) => {
    const run = status.last_run?.downstream[consumer];
    const dead = status.dead_letters?.[consumer];
    return {
      consumer,
      rejected: run?.rejected ?? 0,
      deadBatches: dead?.batches ?? run?.dead_lettered_batches ?? 0,
      deadRecords: dead?.records ?? run?.dead_lettered_records ?? 0,
    };
  });
}
