import type { MachineLiveStatus } from '@shopfloor/contracts';
import { MachineConditionEntity } from '@shopfloor/notification/data-access';
import { endedConditions } from './live-reconciler';

const fact = (machineId: string, kind: string, since: string, details: Record<string, unknown> = {}, clearedAt: string | null = null): MachineConditionEntity =>
  Object.assign(new MachineConditionEntity(), { machineId, kind, since: new Date(since), observedAt: new Date(since), details, clearedAt: clearedAt ? new Date(clearedAt) : null, updatedAt: new Date(since) });

const status = (machineId: string, state: string, since: string): MachineLiveStatus => ({
  machine_id: machineId,
  state,
  since,
  reason_code: null,
  current_job_id: null,
  part_count: null,
  last_event_at: since,
  last_event_age_seconds: 0,
  last_data_at: since,
  updated_at: since,
});

describe('endedConditions', () => {
  it('ends a breakdown whose machine runs again since, and keeps one still down', () => {
    const facts = [fact('M-1', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' }), fact('M-2', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' })];
    const live = [status('M-1', 'RUNNING', '2026-06-01T08:30:00Z'), status('M-2', 'DOWN', '2026-06-01T08:00:00Z')];
    expect(endedConditions(facts, live)).toEqual([{ machineId: 'M-1', kind: 'breakdown', at: new Date('2026-06-01T08:30:00Z') }]);
  });

  it('says nothing from a status older than the condition, of a machine it does not list, or of one already ended', () => {
    const facts = [fact('M-1', 'breakdown', '2026-06-01T08:00:00Z', { state: 'DOWN' }), fact('M-3', 'breakdown', '2026-06-01T08:00:00Z'), fact('M-2', 'data_gap', '2026-06-01T07:00:00Z', {}, '2026-06-01T07:30:00Z')];
    const live = [status('M-1', 'RUNNING', '2026-06-01T07:50:00Z'), status('M-2', 'RUNNING', '2026-06-01T07:30:00Z')];
    expect(endedConditions(facts, live)).toEqual([]);
  });

  it('ends a data gap once data comes again, and leaves a stop alone while its machine is silent', () => {
    const facts = [fact('M-1', 'data_gap', '2026-06-01T08:00:00Z'), fact('M-2', 'data_gap', '2026-06-01T08:00:00Z'), fact('M-2', 'breakdown', '2026-06-01T07:00:00Z', { state: 'DOWN' })];
    const live = [status('M-1', 'IDLE', '2026-06-01T08:40:00Z'), status('M-2', 'UNAVAILABLE', '2026-06-01T08:00:00Z')];
    expect(endedConditions(facts, live)).toEqual([{ machineId: 'M-1', kind: 'data_gap', at: new Date('2026-06-01T08:40:00Z') }]);
  });

  it('ends a long stop when the machine is in another state, or in the same state again after a while', () => {
    const facts = [fact('M-1', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' }), fact('M-2', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' }), fact('M-3', 'long_stop', '2026-06-01T08:00:00Z', { state: 'IDLE' })];
    const live = [status('M-1', 'DOWN', '2026-06-01T09:00:00Z'), status('M-2', 'IDLE', '2026-06-01T09:00:00Z'), status('M-3', 'IDLE', '2026-06-01T08:00:00Z')];
    expect(endedConditions(facts, live).map((e) => e.machineId)).toEqual(['M-1', 'M-2']);
  });
});
