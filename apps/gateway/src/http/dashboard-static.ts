import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ErrorCode } from '@shopfloor/contracts';
import { acceptOrCreateRequestId } from '@shopfloor/observability';
import express, { type NextFunction, type Request, type Response } from 'express';
import { errorBody } from './error-body';
import { setDashboardSecurityHeaders } from './security-headers';

/** Paths the dashboard never answers: the API, its docs, the WebSockets and the probes keep their own 404s. */
const NOT_DASHBOARD = /^\/(api|ws|docs|health|ready|metrics)(\/|$)/;

/**
 * Where the built dashboard is when DASHBOARD_DIR does not say: beside the gateway's own build, as
 * `nx run-many -t build` lays them out (dist/apps/gateway/apps/gateway/src/http → dist/apps/dashboard).
 */
export function defaultDashboardDir(): string {
  return resolve(__dirname, '../../../../../dashboard');
}

/**
 * The web dashboard at `/`: hashed assets cached for a year (their names change with their content), index.html
 * revalidated on every load so a new build is picked up at once, and index.html for every other page the browser asks
 * for (client-side routes). Without a build, `/` answers 404 with the error body saying so.
 */
export function dashboardStatic(dir: string): (req: Request, res: Response, next: NextFunction) => void {
  const assetsDir = join(dir, 'assets');
  const files = express.static(dir, {
    index: false,
    redirect: false,
    dotfiles: 'deny',
    setHeaders: (res, filePath) => {
      setDashboardSecurityHeaders(res.req, res);
      res.setHeader('Cache-Control', filePath.startsWith(assetsDir) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  const indexFile = join(dir, 'index.html');

  const notBuilt = (req: Request, res: Response): void => {
    const requestId = (req as Request & { requestId?: string }).requestId ?? acceptOrCreateRequestId(req.header('x-request-id'));
    res.setHeader('X-Request-Id', requestId);
    res.status(404).json(
      errorBody({
        code: ErrorCode.NotFound,
        message: 'The dashboard is not built: run `npx nx run dashboard:build` (or `npm start`), or set DASHBOARD_DIR to its build folder',
        details: { dashboard_dir: dir },
        requestId,
      }),
    );
  };

  const page = (req: Request, res: Response, next: NextFunction): void => {
    // A browser navigating says it wants HTML; API clients and probes of unknown paths get the API's 404.
    const wantsPage = req.path === '/' || /\btext\/html\b/.test(req.header('accept') ?? '');
    if (!wantsPage || req.path.startsWith('/assets/')) return next();
    if (!existsSync(indexFile)) return notBuilt(req, res);
    setDashboardSecurityHeaders(req, res);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error) => {
      // Gone between the check and the read (a build replacing the folder): the same clear 404.
      if (error && !res.headersSent) notBuilt(req, res);
    });
  };

  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_DASHBOARD.test(req.path)) return next();
    if (req.path === '/' || req.path === '/index.html') return page(req, res, next);
    files(req, res, () => page(req, res, next));
  };
}
