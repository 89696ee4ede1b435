import { Controller, Get, Header, HttpStatus, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { ErrorCode } from '@shopfloor/contracts';
import { HealthRegistry, MetricsRegistry, requestContext, type DependencyStatus } from '@shopfloor/observability';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { errorBody } from '../http/error-body';
import { DownstreamHealth } from './downstream-health';

interface ReadyBody {
  status: 'ok' | 'unavailable';
  dependencies: Record<string, DependencyStatus>;
}

@ApiExcludeController()
@Public()
@Controller()
export class ProbesController {
  constructor(
    private readonly health: HealthRegistry,
    private readonly downstream: DownstreamHealth,
    private readonly metrics: MetricsRegistry,
  ) {}

  /** Liveness: the process and its event loop are alive. */
  @Get('health')
  liveness(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /**
   * Readiness: NATS, Postgres, Redis and every downstream service, each `up` or `down` (API.md). `?scope=local`
   * leaves the downstream services out: that is the gateway's Kubernetes readiness probe, so one backend service
   * being down does not take the whole API out of the load balancer.
   */
  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response, @Query('scope') scope?: string): Promise<ReadyBody | (ReadyBody & ReturnType<typeof errorBody>)> {
    const own = await this.health.readiness();
    const dependencies: Record<string, DependencyStatus> = { ...own.dependencies };
    if (scope !== 'local') {
      const results = await Promise.all(
        this.downstream.entries().map(
          async ([service, check]) =>
            [
              service,
              await check().then(
                () => 'up' as const,
                () => 'down' as const,
              ),
            ] as const,
        ),
      );
      for (const [service, state] of results) dependencies[service] = state;
    }
    const ok = own.status === 'ok' && Object.values(dependencies).every((s) => s === 'up');
    const body: ReadyBody = { status: ok ? 'ok' : 'unavailable', dependencies };
    if (ok) return body;
    res.status(HttpStatus.SERVICE_UNAVAILABLE);
    const down = Object.entries(dependencies)
      .filter(([, s]) => s === 'down')
      .map(([name]) => name);
    return {
      ...errorBody({
        code: ErrorCode.ServiceUnavailable,
        message: down.length ? `Not ready: ${down.join(', ')} down` : 'Not ready: shutting down',
        details: { dependencies },
        requestId: requestContext.requestId() ?? '',
      }),
      ...body,
    };
  }

  @Get('metrics')
  @Header('Cache-Control', 'no-store')
  async metricsText(@Res() res: Response): Promise<void> {
    res.setHeader('Content-Type', this.metrics.contentType);
    res.send(await this.metrics.render());
  }
}
