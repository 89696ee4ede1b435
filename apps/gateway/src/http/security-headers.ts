import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** Where SwaggerModule serves the OpenAPI UI (see configureHttp); its page is the one response meant to run code. */
export const DOCS_PATH = '/api/docs';

const EVERY_RESPONSE: HelmetOptions = {
  // Nothing the gateway serves is meant to be framed, the docs page included.
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  // Cross-origin reads go through CORS (the allow-list), which CORP does not restrict; CORP stops other sites
  // embedding API responses as images or scripts.
  crossOriginResourcePolicy: { policy: 'same-origin' },
  // Added per request instead: RFC 6797 §7.2 forbids the header on a response over plain HTTP.
  strictTransportSecurity: false,
};

/**
 * JSON, CSV, XLSX, PDF: nothing in a response may load, run, be framed or submit anything. Only the headers that act
 * on such an answer (OWASP REST Security Cheat Sheet): helmet's others — Cross-Origin-Opener-Policy,
 * Origin-Agent-Cluster, X-DNS-Prefetch-Control, X-Download-Options, X-XSS-Protection — act on HTML documents, which the
 * API never serves, and cost every answer their bytes. Set from a fixed list, without helmet's per-request work.
 */
const API_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'"],
  ['Cross-Origin-Resource-Policy', 'same-origin'],
  ['Referrer-Policy', 'no-referrer'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-Frame-Options', 'DENY'],
  // Adobe clients (PDF reports) read no cross-domain policy from this origin.
  ['X-Permitted-Cross-Domain-Policies', 'none'],
];

function apiPolicy(_req: IncomingMessage, res: ServerResponse, next: () => void): void {
  for (const [name, value] of API_HEADERS) res.setHeader(name, value);
  // As helmet does, in case an app has not turned Express's own off.
  res.removeHeader('X-Powered-By');
  next();
}

/**
 * Swagger UI: its scripts and styles come from this origin, its page carries inline <style> blocks and style
 * attributes, its icons are data: URLs, and "Try it out" calls this origin.
 */
const docsPolicy = helmet({
  ...EVERY_RESPONSE,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
});

/** Hosts as browsers send them in Host: a name or address and a port, nothing that could end a CSP directive. */
const PLAIN_HOST = /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The dashboard's pages: its own scripts and styles only (the build has no inline script or style), data: images,
 * calls to this origin and its WebSockets (ws:/wss: of the same host, spelled out for browsers whose 'self' does not
 * cover them), nothing framed and nothing framing it.
 */
function dashboardPolicy(host: string | undefined): ReturnType<typeof helmet> {
  const sockets = host !== undefined && PLAIN_HOST.test(host) ? [`ws://${host}`, `wss://${host}`] : [];
  return helmet({
    ...EVERY_RESPONSE,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'", ...sockets],
        objectSrc: ["'none'"],
        frameSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
}

/**
 * Puts the dashboard's policy in place of the API's on a response that serves one of the dashboard's files (helmet
 * sets its headers synchronously); everything else, 404s included, keeps the API's.
 */
export function setDashboardSecurityHeaders(req: IncomingMessage, res: ServerResponse): void {
  dashboardPolicy(req.headers.host)(req, res, () => undefined);
}

const hsts = helmet.strictTransportSecurity();

const isDocs = (path: string): boolean => path === DOCS_PATH || path.startsWith(`${DOCS_PATH}/`);

/**
 * Security headers on every response: the API's strict policy, the docs' own on the Swagger UI, HSTS when the request
 * came over TLS (directly or, with 'trust proxy', through a private hop that says so).
 */
export function securityHeaders(): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    if (req.secure) hsts(req, res, () => undefined);
    (isDocs(req.path) ? docsPolicy : apiPolicy)(req, res, next);
  };
}

/** The API policy's headers, for a response written straight to a socket, outside Express (see client-error.ts). */
export const API_SECURITY_HEADERS: readonly (readonly [string, string])[] = API_HEADERS;
