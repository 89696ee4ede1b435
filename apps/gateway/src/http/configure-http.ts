import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import { parseOrigins, type GatewayEnv } from '../config/gateway.env';
import { openApiDocument } from '../openapi/openapi-document';
import { bodyParsers, uploadBodyParser } from './body-parsers';
import { dashboardStatic, defaultDashboardDir } from './dashboard-static';
import { answerClientErrors } from './client-error';
import { HttpErrorFilter } from './http-error.filter';
import { DOCS_PATH, securityHeaders } from './security-headers';
import { createValidationPipe } from './validation.pipe';

/** The one route whose body is passed on as bytes (see MlController.createDataset). */
export const DATASET_UPLOAD_PATH = '/api/v1/ml/datasets';

/**
 * The gateway's HTTP edge: security headers and CORS on every response, body limits, validation, the public error
 * body everywhere (requests Node cannot parse included), the OpenAPI docs and the web dashboard.
 */
export function configureHttp(app: INestApplication, env: GatewayEnv): void {
  const expressApp = app as NestExpressApplication;
  // Behind an ingress or load balancer the client address comes from X-Forwarded-For, and TLS from X-Forwarded-Proto
  // (private hops only).
  expressApp.set('trust proxy', 'loopback, linklocal, uniquelocal');
  expressApp.disable('x-powered-by');
  answerClientErrors(app.getHttpServer() as Server);
  // First, so that every answer carries them, whichever middleware, route or filter writes it.
  expressApp.use(securityHeaders());
  // Without an Origin on the list no Access-Control-Allow-Origin is sent, so browsers keep other sites' pages out.
  app.enableCors({
    origin: parseOrigins(env.CORS_ORIGINS),
    exposedHeaders: ['X-Request-Id', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining'],
  });
  // The web dashboard's files at `/`, ahead of the body parsers (it only answers GET and HEAD).
  expressApp.use(dashboardStatic(env.DASHBOARD_DIR ?? defaultDashboardDir()));
  expressApp.use(DATASET_UPLOAD_PATH, uploadBodyParser(env.DATASET_BODY_LIMIT));
  for (const parser of bodyParsers(env.BODY_LIMIT)) expressApp.use(parser);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());

  SwaggerModule.setup(DOCS_PATH, app, openApiDocument(), { jsonDocumentUrl: `${DOCS_PATH}-json` });
}
