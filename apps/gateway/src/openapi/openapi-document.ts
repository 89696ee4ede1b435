import type { OpenAPIObject } from '@nestjs/swagger';
import { OPENAPI_DOCUMENT } from '@shopfloor/client/openapi';

/**
 * The API's OpenAPI document, as served at /api/docs. It is generated from the controllers and the contract types by
 * tools/openapi/generate.mjs (a test fails when it is out of date), so it says exactly what the code takes and
 * returns; the typed client in libs/client is generated from the same document.
 */
export function openApiDocument(): OpenAPIObject {
  return OPENAPI_DOCUMENT as unknown as OpenAPIObject;
}
