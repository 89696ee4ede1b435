import { HELP, parseSimulatorOptions } from './simulator-options';

const NOW = Date.UTC(2025, 5, 1, 12);
const ENV = { CIMCO_DATABASE_URL: 'mysql://root@127.0.0.1:3306/cimco_demo' };

describe(parseSimulatorOptions.name, () => {
  it('takes the defaults and the database from the environment', () => {
    expect(parseSimulatorOptions([], ENV, NOW)).toEqual({
      kind: 'run',
      options: {
        databaseUrl: ENV.CIMCO_DATABASE_URL,
        machines: 20,
        days: 30,
        seed: 1,
        timezone: 'UTC',
        reset: false,
        live: false,
        speed: 1,
        readingsIntervalS: 60,
        endMs: NOW,
        holidays: true,
        rowsPerStatement: 2000,
        machinePrefix: 'MC-',
        breakdownProne: 0,
      },
    });
  });

  it('reads every flag, the --database-url flag winning over the environment', () => {
    const parsed = parseSimulatorOptions(
      [
        '--database-url',
        'mysql://u:p@db:3307/x',
        '--machines',
        '50',
        '--days',
        '1.5',
        '--seed',
        '7',
        '--timezone',
        'Europe/Berlin',
        '--reset',
        '--live',
        '--speed',
        '60',
        '--readings-interval-s',
        '300',
        '--end',
        '2025-03-01T00:00:00Z',
        '--no-holidays',
      ],
      ENV,
      NOW,
    );
    expect(parsed).toEqual({
      kind: 'run',
      options: expect.objectContaining({
        databaseUrl: 'mysql://u:p@db:3307/x',
        machines: 50,
        days: 1.5,
        seed: 7,
        timezone: 'Europe/Berlin',
        reset: true,
        live: true,
        speed: 60,
        readingsIntervalS: 300,
        endMs: Date.UTC(2025, 2, 1),
        holidays: false,
      }),
    });
    expect(parseSimulatorOptions(['--until', '2025-03-01T00:00:00Z'], ENV, NOW)).toMatchObject({ options: { endMs: Date.UTC(2025, 2, 1) } });
    expect(parseSimulatorOptions(['--readings-interval-s', '0'], ENV, NOW)).toMatchObject({ options: { readingsIntervalS: null } });
    expect(parseSimulatorOptions(['--machine-prefix', 'HALL2-'], ENV, NOW)).toMatchObject({ options: { machinePrefix: 'HALL2-' } });
    expect(parseSimulatorOptions(['--machines', '12', '--breakdown-prone', '2'], ENV, NOW)).toMatchObject({ options: { breakdownProne: 2 } });
    expect(parseSimulatorOptions(['--machines', '12', '--breakdown-prone', '13'], ENV, NOW)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/--breakdown-prone 13/),
    });
    expect(parseSimulatorOptions(['--breakdown-prone', '-1'], ENV, NOW)).toMatchObject({ kind: 'error' });
    expect(parseSimulatorOptions(['--machine-prefix', 'a b'], ENV, NOW)).toMatchObject({ kind: 'error', message: expect.stringMatching(/--machine-prefix/) });
  });

  it('prints calendars without a database', () => {
    expect(parseSimulatorOptions(['--print-calendars', '--machines', '12', '--timezone', 'Europe/Berlin'], {}, NOW)).toEqual({
      kind: 'calendars',
      machines: 12,
      timezone: 'Europe/Berlin',
      machinePrefix: 'MC-',
    });
    expect(parseSimulatorOptions(['--print-calendars', '--timezone', 'Mars/Base'], {}, NOW)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/IANA/),
    });
  });

  it('returns the help text', () => {
    expect(parseSimulatorOptions(['--help'], {}, NOW)).toEqual({ kind: 'help', text: HELP });
    for (const flag of [
      '--machines',
      '--days',
      '--seed',
      '--timezone',
      '--reset',
      '--live',
      '--speed',
      '--readings-interval-s',
      '--until',
      '--end',
      '--print-calendars',
      '--machine-prefix',
    ])
      expect(HELP).toContain(flag);
  });

  it.each([
    [['--machines', '0'], /--machines 0/],
    [['--machines', 'ten'], /--machines ten/],
    [['--days=-1'], /--days -1/],
    [['--speed', '0'], /--speed 0/],
    [['--timezone', 'Mars/Base'], /IANA/],
    [['--end', 'yesterday'], /ISO 8601/],
    [['--until', '2025-01-01', '--end', '2025-01-02'], /same option/],
    [['--readings-interval-s', '1.5'], /whole seconds/],
    [['--frobnicate'], /Unknown option/],
  ])('rejects %j', (argv, message) => {
    const parsed = parseSimulatorOptions(argv, ENV, NOW);
    expect(parsed.kind).toBe('error');
    expect(parsed.kind === 'error' ? parsed.message : '').toMatch(message);
  });

  it('asks for a database when none is configured', () => {
    const parsed = parseSimulatorOptions([], {}, NOW);
    expect(parsed.kind === 'error' ? parsed.message : '').toMatch(/CIMCO_DATABASE_URL/);
  });
});
