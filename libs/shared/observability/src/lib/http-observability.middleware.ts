import type { NextFunction, Request, Response } from 'express';
import type { MetricsRegistry } from './metrics';
import { acceptOrCreateRequestId, requestContext } from './request-context';

/**
 * Express middleware for every service's HTTP side: keeps or creates X-Request-Id, runs the rest of the request in
 * that correlation context, and records the latency under the matched route pattern (not the raw URL, so label
 * cardinality stays bounded).
 */
export function httpObservabilityMiddleware(metrics: MetricsRegistry) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = acceptOrCreateRequestId(req.header('x-request-id'));
    res.setHeader('X-Request-Id', requestId);
    (req as Request & { requestId?: string }).requestId = requestId;
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const routePath = (req.route as { path?: string } | undefined)?.path;
      const route = routePath ? `${req.baseUrl ?? ''}${routePath}` : 'unmatched';
      stop({ method: req.method, route, status_code: String(res.statusCode) });
    });
    requestContext.run({ requestId }, next);
  };
}
