import document from './openapi.json';

/** The parts of an OpenAPI 3.1 document that readers of it here use. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>>; securitySchemes: Record<string, unknown> };
  [key: string]: unknown;
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  description?: string;
  schema: Record<string, unknown>;
}

export interface OpenApiOperation {
  operationId: string;
  summary?: string;
  description?: string;
  tags: string[];
  'x-required-role': 'viewer' | 'operator' | 'admin' | null;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Record<string, unknown> }> }>;
  security: Record<string, string[]>[];
}

/**
 * The API's OpenAPI document, generated from the gateway's controllers and the contract types by
 * tools/openapi/generate.mjs; the gateway serves it at /api/docs-json and the types in ./api.d.ts come from it.
 */
export const OPENAPI_DOCUMENT = document as unknown as OpenApiDocument;
