import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { PLATFORM_VERSION } from '@shopfloor/runtime';
import type { GatewayEnv } from '../config/gateway.env';
import { bodyParsers, uploadBodyParser } from './body-parsers';

/** The one route whose body is passed on as bytes (see MlController.createDataset). */
export const DATASET_UPLOAD_PATH = '/api/v1/ml/datasets';
import { HttpErrorFilter } from './http-error.filter';
import { createValidationPipe } from './validation.pipe';

/** The gateway's HTTP edge: body limits, validation, the public error body everywhere, and the OpenAPI docs. */
export function configureHttp(app: INestApplication, env: GatewayEnv): void {
  const expressApp = app as NestExpressApplication;
  // Behind an ingress or load balancer the client address comes from X-Forwarded-For (private hops only).
  expressApp.set('trust proxy', 'loopback, linklocal, uniquelocal');
  expressApp.disable('x-powered-by');
  expressApp.use(DATASET_UPLOAD_PATH, uploadBodyParser(env.DATASET_BODY_LIMIT));
  for (const parser of bodyParsers(env.BODY_LIMIT)) expressApp.use(parser);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  app.enableCors({ exposedHeaders: ['X-Request-Id', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining'] });

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Shopfloor Analytics API')
      .setDescription('OEE and loss analytics, predictions, alerts and live status from CIMCO MDC data. Errors use one body: error_code, message, details, timestamp, request_id, field_errors.')
      .setVersion(PLATFORM_VERSION)
      .addApiKey({ type: 'apiKey', name: 'X-API-Key', in: 'header' }, 'api_key')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}
