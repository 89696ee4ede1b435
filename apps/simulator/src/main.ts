import { parseSimulatorOptions } from './cli/simulator-options';
import { shopCalendars } from './domain/shop-calendars';
import { SimulatorError, formatReport, runSimulation } from './run/simulation-run';

/** `npm run simulate`: writes a seeded shop-floor history (and with --live, a running shop) into a CIMCO source. */
async function main(): Promise<number> {
  const parsed = parseSimulatorOptions(process.argv.slice(2), process.env, Date.now());
  switch (parsed.kind) {
    case 'help':
      console.log(parsed.text);
      return 0;
    case 'error':
      console.error(`${parsed.message}\nSee --help.`);
      return 2;
    case 'calendars':
      console.log(JSON.stringify(shopCalendars(parsed.machines, parsed.timezone, parsed.machinePrefix), null, 2));
      return 0;
    case 'run':
      break;
  }
  const stop = new AbortController();
  const onSignal = (): void => {
    if (!stop.signal.aborted) console.log('\nStopping after the current batch...');
    stop.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const report = await runSimulation(parsed.options, (line) => console.log(line), stop.signal);
    console.log(formatReport(report.history));
    if (report.live) console.log(formatReport(report.live));
    return 0;
  } catch (error) {
    if (error instanceof SimulatorError || error instanceof RangeError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
