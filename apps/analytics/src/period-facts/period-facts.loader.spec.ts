import { ErrorCode } from '@shopfloor/contracts';
import { AFTER_WORKED_DAY, analyticsFakes, seedWorkedExample, type AnalyticsFakes } from '../../test/fakes.spec-helper';
import { calendarSource, PeriodFactsLoader, periodOf } from './period-facts.loader';

const DAY_MS = 86_400_000;
const BERLIN_EARLY = { timezone: 'Europe/Berlin', shifts: [{ name: 'early', days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '06:00', end: '14:00' }] };

describe(PeriodFactsLoader.name, () => {
  let fakes: AnalyticsFakes;
  const from = new Date('2026-11-01T23:00:00Z');
  const to = new Date('2026-11-02T23:00:00Z');

  beforeEach(() => {
    fakes = analyticsFakes(90);
    seedWorkedExample(fakes);
  });

  it("gives each selected machine its engine input: its own stops and jobs of the period, its calendar, the period's bounds", async () => {
    // A stop of M-2 that ended before the period and a job that starts after it belong to no input.
    fakes.stops.add({ machineId: 'M-2', start: Date.parse('2026-11-01T20:00:00Z'), durationSeconds: 3600, downtimeType: 'BREAKDOWN', reasonCode: null });
    fakes.jobs.add({ machineId: 'M-2', start: Date.parse('2026-11-02T23:00:00Z'), end: null, idealCycleTime: 30, partsProduced: 5, partsScrapped: 0 });

    const facts = await fakes.loader.load({}, from, to, AFTER_WORKED_DAY);

    expect(facts.machineIds).toEqual(['M-1', 'M-2']);
    expect([...facts.inputs.keys()]).toEqual(['M-1', 'M-2']);
    expect(facts.microStopThresholdSeconds).toBe(90);
    const m1 = facts.inputs.get('M-1');
    expect(m1).toMatchObject({
      from: from.getTime(),
      to: to.getTime(),
      now: AFTER_WORKED_DAY.getTime(),
      microStopThresholdSeconds: 90,
      calendar: BERLIN_EARLY,
    });
    // The three stops of M-1 in start order, only what the engine reads of them.
    expect(m1?.stops.map((s) => [s.downtimeType, s.durationSeconds])).toEqual([
      ['BREAK', 1800],
      ['BREAKDOWN', 2820],
      ['BREAK', 1800],
    ]);
    expect(m1?.stops[0]).toEqual({ start: Date.parse('2026-11-02T07:00:00Z'), durationSeconds: 1800, downtimeType: 'BREAK', reasonCode: null });
    expect(m1?.jobs).toEqual([
      { start: Date.parse('2026-11-02T05:00:00Z'), end: Date.parse('2026-11-02T13:00:00Z'), idealCycleTime: 1, partsProduced: 19_271, partsScrapped: 423 },
    ]);
    const m2 = facts.inputs.get('M-2');
    expect(m2?.calendar).toBeNull();
    expect(m2?.stops.map((s) => s.reasonCode)).toEqual(['COOLANT', 'JAM']);
    expect(m2?.jobs).toHaveLength(1);
    // Several machines are shown on the default calendar's clock, and there is none.
    expect(facts.displayCalendar).toBeNull();
    expect([...facts.applying].map(([id, a]) => [id, a.source])).toEqual([
      ['M-1', 'machine'],
      ['M-2', 'default_24x7'],
      ['default', 'default_24x7'],
    ]);
  });

  it("shows one machine on its own calendar's clock, asked for alone or as the only one of a list", async () => {
    expect((await fakes.loader.select({ machineId: 'M-1' })).displayCalendar).toEqual(BERLIN_EARLY);
    expect((await fakes.loader.select({ machineIds: ['M-1'] })).displayCalendar).toEqual(BERLIN_EARLY);
    // A list of two of which one is known is still a list: the default's clock.
    expect(await fakes.loader.select({ machineIds: ['M-1', 'NO-SUCH-MACHINE'] })).toMatchObject({ machineIds: ['M-1'], displayCalendar: null });
    fakes.calendarRows.put('default', 'America/Chicago', []);
    expect((await fakes.loader.select({ type: 'MILL' })).displayCalendar).toEqual({ timezone: 'America/Chicago', shifts: [] });
  });

  it('selects the active machines by type and location, never a deleted one', async () => {
    fakes.machines.add({ machineId: 'M-0', type: 'MILL', deleted: true });
    expect((await fakes.loader.select({})).machineIds).toEqual(['M-1', 'M-2']);
    expect((await fakes.loader.select({ type: 'MILL' })).machineIds).toEqual(['M-2']);
    expect((await fakes.loader.select({ location: 'Hall 2' })).machineIds).toEqual(['M-1']);
  });

  it('reads the facts of machines already selected without selecting them again', async () => {
    const selected = await fakes.loader.select({ machineId: 'M-2' });
    const activeIds = jest.spyOn(fakes.machines, 'activeIds');
    const calendars = jest.spyOn(fakes.calendarRows, 'findMany');
    const facts = await fakes.loader.load({ machineId: 'M-2' }, from, to, AFTER_WORKED_DAY, selected);
    expect([...facts.inputs.keys()]).toEqual(['M-2']);
    expect(activeIds).not.toHaveBeenCalled();
    expect(calendars).not.toHaveBeenCalled();
  });

  it('knows an active machine and refuses an unknown or deleted one with MACHINE_NOT_FOUND', async () => {
    fakes.machines.add({ machineId: 'M-GONE', deleted: true });
    await expect(fakes.loader.requireMachine('M-1')).resolves.toBeUndefined();
    await expect(fakes.loader.requireMachine('NO-SUCH-MACHINE')).rejects.toMatchObject({
      code: ErrorCode.MachineNotFound,
      details: { machine_id: 'NO-SUCH-MACHINE' },
    });
    await expect(fakes.loader.requireMachine('M-GONE')).rejects.toMatchObject({ code: ErrorCode.MachineNotFound });
  });
});

describe(periodOf.name, () => {
  const now = new Date('2026-11-10T12:00:00Z');

  it('defaults to the day before now, and to a day before the given end', () => {
    expect(periodOf({}, now)).toEqual({ from: new Date(now.getTime() - DAY_MS), to: now });
    expect(periodOf({ to: '2026-11-03T00:00:00+01:00' }, now)).toEqual({ from: new Date('2026-11-01T23:00:00Z'), to: new Date('2026-11-02T23:00:00Z') });
  });

  it('allows 380 days and no more, and an end only after the start', () => {
    expect(() => periodOf({ from: '2025-01-01T00:00:00Z', to: new Date(Date.parse('2025-01-01T00:00:00Z') + 380 * DAY_MS).toISOString() }, now)).not.toThrow();
    expect(() => periodOf({ from: '2025-01-01T00:00:00Z', to: new Date(Date.parse('2025-01-01T00:00:00Z') + 380 * DAY_MS + 1).toISOString() }, now)).toThrow(
      expect.objectContaining({ code: ErrorCode.ValidationFailed, fieldErrors: [expect.objectContaining({ field: 'to' })] }),
    );
    expect(() => periodOf({ from: '2026-11-02T00:00:00Z', to: '2026-11-02T00:00:00Z' }, now)).toThrow(
      expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'from', invalid_value: '2026-11-02T00:00:00Z' })] }),
    );
  });
});

describe(calendarSource.name, () => {
  it('names the one source that applied, or mixed', () => {
    expect(calendarSource([])).toBe('default_24x7');
    expect(calendarSource([undefined])).toBe('default_24x7');
    expect(
      calendarSource([
        { source: 'machine', calendar: null },
        { source: 'machine', calendar: null },
      ]),
    ).toBe('machine');
    expect(
      calendarSource([
        { source: 'machine', calendar: null },
        { source: 'default', calendar: null },
      ]),
    ).toBe('mixed');
  });
});
