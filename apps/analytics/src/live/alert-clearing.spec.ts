import type { MachineEventRecord } from '@shopfloor/contracts';
import { clearedByEvents, clearedByReadings, type StatusSnapshot } from './alert-clearing';

const at = (time: string): Date => new Date(`2026-11-02T${time}:00.000Z`);
const status = (state: string, fields: Partial<StatusSnapshot> = {}): StatusSnapshot & { machineId: string } => ({
  machineId: 'M-1',
  state,
  previousState: null,
  since: null,
  reasonCode: null,
  lastEventAt: null,
  lastDataAt: null,
  ...fields,
});
let nextId = 1;
const event = (time: string, state: string): MachineEventRecord => ({
  event_id: nextId++,
  machine_id: 'M-1',
  event_time: at(time).toISOString(),
  state: state as MachineEventRecord['state'],
  reason_code: null,
  job_id: null,
  part_count: null,
});
const rules = { now: at('09:00').getTime(), longStopSeconds: 1800 };

describe(clearedByEvents.name, () => {
  it('clears nothing for a machine seen for the first time, or for events it has already applied', () => {
    expect(clearedByEvents(undefined, status('RUNNING', { previousState: null }), [event('08:00', 'RUNNING')], rules)).toEqual([]);
    const before = status('DOWN', { since: at('08:00'), lastEventAt: at('08:30') });
    expect(clearedByEvents(before, status('RUNNING', { previousState: 'DOWN' }), [event('08:10', 'RUNNING'), event('08:30', 'DOWN')], rules)).toEqual([]);
  });

  it('ends a breakdown at the first newer event in another state, and leaves the long stop of a short stop alone', () => {
    const before = status('DOWN', { since: at('08:40'), reasonCode: 'SPINDLE', lastEventAt: at('08:40') });
    const cleared = clearedByEvents(
      before,
      status('IDLE', { previousState: 'DOWN' }),
      [event('08:30', 'RUNNING'), event('08:50', 'DOWN'), event('08:52', 'SETUP'), event('08:55', 'IDLE')],
      rules,
    );
    expect(cleared).toEqual([
      {
        machine_id: 'M-1',
        kind: 'breakdown',
        cleared_at: at('08:52').toISOString(),
        details: { previous_state: 'DOWN', new_state: 'SETUP', since: at('08:40').toISOString(), duration_seconds: 720, reason_code: 'SPINDLE' },
      },
    ]);
  });

  it('reads the state before the gap from a sweep that ran between the read and the statement', () => {
    // Read while DOWN; a sweep then made the machine UNAVAILABLE; this batch brings it back running.
    const before = status('DOWN', { since: at('08:00'), lastEventAt: at('08:00'), lastDataAt: at('08:10') });
    const cleared = clearedByEvents(before, status('RUNNING', { previousState: 'UNAVAILABLE' }), [event('08:30', 'RUNNING')], rules);
    expect(cleared.map((c) => [c.kind, c.cleared_at, c.details['since']])).toEqual([
      ['data_gap', at('08:30').toISOString(), at('08:10').toISOString()],
      ['breakdown', at('08:30').toISOString(), null],
      ['long_stop', at('08:30').toISOString(), null],
    ]);
  });

  it('clears only the gap when the data comes back with the machine still down', () => {
    const before = status('UNAVAILABLE', { previousState: 'DOWN', since: at('08:10'), lastEventAt: at('08:00'), lastDataAt: at('08:10') });
    const cleared = clearedByEvents(before, status('DOWN', { previousState: 'UNAVAILABLE' }), [event('08:30', 'DOWN')], rules);
    expect(cleared).toEqual([
      {
        machine_id: 'M-1',
        kind: 'data_gap',
        cleared_at: at('08:30').toISOString(),
        details: { previous_state: 'UNAVAILABLE', new_state: 'DOWN', since: at('08:10').toISOString(), duration_seconds: 1200 },
      },
    ]);
  });
});

describe(clearedByReadings.name, () => {
  it('ends the gap at the first reading after it began, or where the status shows the machine back', () => {
    const before = status('UNAVAILABLE', { previousState: 'IDLE', since: at('08:10'), lastDataAt: at('08:10') });
    const after = status('IDLE', { previousState: 'UNAVAILABLE', since: at('08:40'), lastDataAt: at('08:40') });
    expect(clearedByReadings(before, after, [at('08:40').getTime(), at('08:05').getTime(), at('08:25').getTime()])).toEqual({
      machine_id: 'M-1',
      kind: 'data_gap',
      cleared_at: at('08:25').toISOString(),
      details: { previous_state: 'UNAVAILABLE', new_state: 'IDLE', since: at('08:10').toISOString(), duration_seconds: 900 },
    });
    expect(clearedByReadings(before, after, [])?.cleared_at).toBe(at('08:40').toISOString());
  });
});
