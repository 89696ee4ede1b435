import { Controller, Get, Header, HttpStatus, Injectable, Module, Res, type DynamicModule } from '@nestjs/common';
import type { Response } from 'express';
import { MetricsRegistry } from './metrics';

export type DependencyCheck = () => Promise<unknown>;
export type DependencyStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'unavailable';
  dependencies: Record<string, DependencyStatus>;
}

const CHECK_TIMEOUT_MS = 2000;

/** Named readiness checks that modules register at start (database, NATS, Redis, downstream services...). */
@Injectable()
export class HealthRegistry {
  private readonly checks = new Map<string, DependencyCheck>();
  private shuttingDown = false;

  register(name: string, check: DependencyCheck): void {
    this.checks.set(name, check);
  }

  /** Once shutdown starts, readiness fails so load balancers stop sending traffic while in-flight work finishes. */
  markShuttingDown(): void {
    this.shuttingDown = true;
  }

  async readiness(): Promise<ReadinessReport> {
    const entries = await Promise.all(
      [...this.checks.entries()].map(async ([name, check]): Promise<[string, DependencyStatus]> => [name, (await runWithTimeout(check)) ? 'up' : 'down']),
    );
    const dependencies = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    const allUp = !this.shuttingDown && entries.every(([, s]) => s === 'up');
    return { status: allUp ? 'ok' : 'unavailable', dependencies };
  }
}

async function runWithTimeout(check: DependencyCheck): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const result = await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS);
      }),
    ]);
    return result !== false;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness, readiness and metrics of a backend service (the gateway has its own, richer versions). */
@Controller()
export class ServiceProbesController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly metrics: MetricsRegistry,
  ) {}

  @Get('health')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    res.status(report.status === 'ok' ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return report;
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.contentType);
    res.send(await this.metrics.render());
  }
}

@Module({})
export class ObservabilityModule {
  /** Registry and metrics for every service; `withProbes` adds /health, /ready and /metrics controllers. */
  static forRoot(options: { withProbes: boolean }): DynamicModule {
    return {
      module: ObservabilityModule,
      global: true,
      controllers: options.withProbes ? [ServiceProbesController] : [],
      providers: [HealthRegistry, MetricsRegistry],
      exports: [HealthRegistry, MetricsRegistry],
    };
  }
}
