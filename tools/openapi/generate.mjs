#!/usr/bin/env node
// The API's OpenAPI document, read from the code: every route of the gateway's controllers (path, method, status,
// role, summary, path and query parameters, request body, response), with the schemas of the TypeScript types they
// take and return and the limits their class-validator decorators set. Writes libs/client/src/openapi.json
// (which the gateway serves) and the typed client's declarations libs/client/src/api.d.ts.
//
//   node tools/openapi/generate.mjs          write both
//   node tools/openapi/generate.mjs --check  fail if either differs from what the code says
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';

const require = createRequire(import.meta.url);
const ts = require('typescript');
const { createGenerator } = require('ts-json-schema-generator');

const root = resolve(new URL('../..', import.meta.url).pathname);
const GATEWAY_SRC = join(root, 'apps/gateway/src');
export const DOCUMENT_PATH = join(root, 'libs/client/src/openapi.json');
export const CLIENT_TYPES_PATH = join(root, 'libs/client/src/api.d.ts');
const REQUEST_CLASS_ROOTS = [join(root, 'libs/shared/contracts/src'), GATEWAY_SRC];
const SHARED_CONST_ROOTS = [join(root, 'libs/shared/time/src'), join(root, 'libs/shared/util/src')];
const HTTP_METHODS = { Get: 'get', Post: 'post', Put: 'put', Delete: 'delete', Patch: 'patch' };
const ROLES = ['viewer', 'operator', 'admin'];
/** A path parameter parsed by one of these pipes is a UUID: Nest's own, or the gateway's ParseIdPipe built on it. */
const UUID_PIPE = /\b(ParseUUIDPipe|ParseIdPipe)\b/;

function* tsFiles(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* tsFiles(path);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) yield path;
  }
}

const parse = (file) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);

function decoratorsOf(node) {
  return (ts.canHaveDecorators(node) ? (ts.getDecorators(node) ?? []) : []).flatMap((d) => {
    const call = d.expression;
    if (!ts.isCallExpression(call)) return [];
    const name = ts.isIdentifier(call.expression) ? call.expression.text : ts.isPropertyAccessExpression(call.expression) ? call.expression.name.text : null;
    return name ? [{ name, args: call.arguments, typeArgs: call.typeArguments ?? [] }] : [];
  });
}

/** A literal the generator can read without running the code: strings, numbers, arithmetic, and consts of the file. */
function literal(node, consts) {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text.replace(/_/g, ''));
  if (node.kind === ts.SyntaxKind.TrueKeyword) return true;
  if (node.kind === ts.SyntaxKind.FalseKeyword) return false;
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -literal(node.operand, consts);
  if (ts.isParenthesizedExpression(node)) return literal(node.expression, consts);
  if (ts.isBinaryExpression(node)) {
    const [a, b] = [literal(node.left, consts), literal(node.right, consts)];
    if (a === undefined || b === undefined) return undefined;
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.PlusToken:
        return a + b;
      case ts.SyntaxKind.AsteriskToken:
        return a * b;
      case ts.SyntaxKind.MinusToken:
        return a - b;
      case ts.SyntaxKind.SlashToken:
        return a / b;
      default:
        return undefined;
    }
  }
  if (ts.isIdentifier(node) && consts?.has(node.text)) return literal(consts.get(node.text), consts);
  if (ts.isRegularExpressionLiteral(node)) return node.text;
  if (ts.isObjectLiteralExpression(node)) {
    const out = {};
    for (const p of node.properties) if (ts.isPropertyAssignment(p)) out[p.name.getText()] = literal(p.initializer, consts);
    return out;
  }
  return undefined;
}

function fileConsts(source) {
  const consts = new Map();
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) consts.set(d.name.text, d.initializer);
  }
  return consts;
}

const joinPath = (...parts) =>
  `/${parts
    .filter((p) => p !== undefined && p !== '')
    .join('/')
    .replace(/\/+/g, '/')
    .replace(/^\/|\/$/g, '')}`.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** The routes of one controller file, with the type texts of what they take and return. */
function routesOf(file) {
  const source = parse(file);
  const consts = fileConsts(source);
  // Pipes built once per file (`const alertId = new ParseIdPipe(...)`) and passed by name.
  const uuidPipes = new Set(
    source.statements
      .filter(ts.isVariableStatement)
      .flatMap((s) => [...s.declarationList.declarations])
      .filter((d) => d.initializer && UUID_PIPE.test(d.initializer.getText(source)))
      .map((d) => d.name.getText(source)),
  );
  const isUuidPipe = (arg) => UUID_PIPE.test(arg.getText(source)) || (ts.isIdentifier(arg) && uuidPipes.has(arg.text));
  const routes = [];
  for (const node of source.statements) {
    if (!ts.isClassDeclaration(node) || !node.name) continue;
    const classDecorators = decoratorsOf(node);
    const controller = classDecorators.find((d) => d.name === 'Controller');
    if (!controller || classDecorators.some((d) => d.name === 'ApiExcludeController')) continue;
    const prefix = literal(controller.args[0], consts) ?? '';
    const classTags = classDecorators.filter((d) => d.name === 'ApiTags').flatMap((d) => d.args.map((a) => literal(a, consts)));
    const classPublic = classDecorators.some((d) => d.name === 'Public');
    const classRole = literal(classDecorators.find((d) => d.name === 'RequireRole')?.args[0], consts);
    for (const member of node.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const decorators = decoratorsOf(member);
      const verb = decorators.find((d) => d.name in HTTP_METHODS);
      if (!verb) continue;
      const method = member.name.getText();
      const operation = decorators.find((d) => d.name === 'ApiOperation');
      const route = {
        file,
        operationId: `${node.name.text}_${method}`,
        method: HTTP_METHODS[verb.name],
        path: joinPath('', prefix, literal(verb.args[0], consts)),
        tags: classTags,
        summary: operation ? literal(operation.args[0], consts)?.summary : undefined,
        status: literal(decorators.find((d) => d.name === 'HttpCode')?.args[0], consts) ?? (verb.name === 'Post' ? 201 : 200),
        public: classPublic || decorators.some((d) => d.name === 'Public'),
        role: literal(decorators.find((d) => d.name === 'RequireRole')?.args[0], consts) ?? classRole ?? 'viewer',
        produces: decorators.filter((d) => d.name === 'ApiProduces').flatMap((d) => d.args.map((a) => literal(a, consts))),
        pathParams: [],
        queryParams: [],
        queryType: null,
        bodyType: null,
        bodyContentTypes: ['application/json'],
        responseType: null,
      };
      let rawResponse = false;
      for (const param of member.parameters) {
        const typeText = param.type?.getText(source) ?? 'unknown';
        for (const d of decoratorsOf(param)) {
          const name = literal(d.args[0], consts);
          if (d.name === 'Param') route.pathParams.push({ name, uuid: d.args.slice(1).some(isUuidPipe) });
          else if (d.name === 'Query' && typeof name === 'string') {
            const declared = decorators.find((x) => x.name === 'ApiQuery' && literal(x.args[0], consts)?.name === name);
            route.queryParams.push({
              name,
              required: !param.questionToken && !param.initializer,
              typeText: typeText,
              declared: declared ? literal(declared.args[0], consts) : null,
            });
          } else if (d.name === 'Query' && typeText !== 'Record<string, unknown>') route.queryType = typeText;
          else if (d.name === 'Query') route.rawQuery = true;
          else if (d.name === 'Body') route.bodyType = typeText;
          else if (d.name === 'Res' && !/passthrough:\s*true/.test(d.args[0]?.getText(source) ?? '')) rawResponse = true;
        }
      }
      // A body read as bytes (@Req) states its type and content types in the method's doc: @requestBody Type a/b c/d.
      const requestBodyTag = ts.getJSDocTags(member).find((t) => t.tagName.text === 'requestBody');
      if (requestBodyTag) {
        const [type, ...contentTypes] = String(
          typeof requestBodyTag.comment === 'string' ? requestBodyTag.comment : ts.getTextOfJSDocComment(requestBodyTag.comment),
        )
          .trim()
          .split(/\s+/);
        route.bodyType = type;
        route.bodyContentTypes = contentTypes.length > 0 ? contentTypes : ['application/json'];
        route.bodyTypeFromDoc = true;
      }
      const returnText = member.type?.getText(source) ?? 'void';
      const unwrapped = /^Promise<([\s\S]*)>$/.exec(returnText)?.[1] ?? returnText;
      if (rawResponse) {
        let found = null;
        const visit = (n) => {
          if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'requestJson' && n.typeArguments?.length)
            found = n.typeArguments[0].getText(source);
          ts.forEachChild(n, visit);
        };
        visit(member);
        route.responseType = found;
      } else if (unwrapped === 'StreamableFile') {
        route.responseType = 'file';
      } else if (unwrapped !== 'void') {
        route.responseType = unwrapped;
      }
      routes.push(route);
    }
  }
  return { routes, source };
}

/** Import lines of a controller, re-pointed at absolute paths, so its type texts mean the same in a generated file. */
function importsOf(source, file) {
  return source.statements
    .filter(ts.isImportDeclaration)
    .map((d) => {
      const from = d.moduleSpecifier.text;
      const target = from.startsWith('.') ? resolve(dirname(file), from) : from;
      const clause = d.importClause?.getText(source);
      return clause ? `import type ${clause.replace(/^type\s+/, '').replace(/\btype\s+/g, '')} from '${target}';` : null;
    })
    .filter(Boolean);
}

/** class-validator limits of every request class, by class and property, as JSON Schema keywords. */
function validatorLimits() {
  const limits = new Map();
  // Constants the request classes import from the small shared libraries (the wall-time patterns, for example).
  const shared = new Map(
    SHARED_CONST_ROOTS.flatMap((dir) => [...tsFiles(dir)].filter((f) => !f.endsWith('.spec.ts')).flatMap((f) => [...fileConsts(parse(f))])),
  );
  for (const dir of REQUEST_CLASS_ROOTS) {
    for (const file of tsFiles(dir)) {
      const source = parse(file);
      const consts = new Map([...shared, ...fileConsts(source)]);
      for (const node of source.statements) {
        if (!ts.isClassDeclaration(node) || !node.name) continue;
        const props = {};
        for (const member of node.members) {
          if (!ts.isPropertyDeclaration(member)) continue;
          const keywords = {};
          for (const d of decoratorsOf(member)) {
            const value = literal(d.args[0], consts);
            const each = d.args.some((a) => /each:\s*true/.test(a.getText(source)));
            const target = each ? (keywords.items ??= {}) : keywords;
            switch (d.name) {
              case 'MaxLength':
                if (typeof value === 'number') target.maxLength = value;
                break;
              case 'MinLength':
                if (typeof value === 'number') target.minLength = value;
                break;
              case 'IsNotEmpty':
                target.minLength ??= 1;
                break;
              case 'Min':
                if (typeof value === 'number') target.minimum = value;
                break;
              case 'Max':
                if (typeof value === 'number') target.maximum = value;
                break;
              case 'ArrayMaxSize':
                if (typeof value === 'number') keywords.maxItems = value;
                break;
              case 'ArrayMinSize':
                if (typeof value === 'number') keywords.minItems = value;
                break;
              case 'ArrayUnique':
                keywords.uniqueItems = true;
                break;
              case 'IsInt':
                target.type = 'integer';
                break;
              case 'IsUUID':
                target.format = 'uuid';
                break;
              case 'IsISO8601':
                target.format = 'date-time';
                break;
              case 'Matches':
                if (typeof value === 'string' && value.startsWith('/')) target.pattern = value.slice(1, value.lastIndexOf('/'));
                break;
              default:
            }
          }
          if (Object.keys(keywords).length > 0) props[member.name.getText(source)] = keywords;
        }
        if (Object.keys(props).length > 0) limits.set(node.name.text, props);
      }
    }
  }
  return limits;
}

const ERROR_BODY = {
  type: 'object',
  description: 'The one error body of every 4xx and 5xx answer; X-Request-Id carries request_id.',
  required: ['error_code', 'message', 'details', 'timestamp', 'request_id'],
  properties: {
    error_code: { type: 'string', description: 'A stable code, e.g. VALIDATION_FAILED, MACHINE_NOT_FOUND, RATE_LIMITED.' },
    message: { type: 'string' },
    details: { type: ['object', 'null'], additionalProperties: true },
    timestamp: { type: 'string', format: 'date-time' },
    request_id: { type: 'string' },
    field_errors: {
      type: 'array',
      description: 'On VALIDATION_FAILED: each offending field with what is wrong and (a bounded copy of) the value sent.',
      items: {
        type: 'object',
        required: ['field', 'message', 'invalid_value'],
        properties: { field: { type: 'string' }, message: { type: 'string' }, invalid_value: {} },
      },
    },
  },
};

const ERROR_STATUS = {
  400: 'Invalid input (VALIDATION_FAILED with field_errors)',
  401: 'Missing, unknown, revoked or expired credentials (UNAUTHORIZED)',
  403: 'The role of the credentials is too small (FORBIDDEN)',
  404: 'Not found (MACHINE_NOT_FOUND, CALENDAR_NOT_FOUND, … or NOT_FOUND)',
  409: 'Conflicts with the current state (e.g. SYNC_ALREADY_RUNNING, NO_ACTIVE_MODEL)',
  413: 'The request is too large (PAYLOAD_TOO_LARGE)',
  415: 'The body is not JSON (UNSUPPORTED_MEDIA_TYPE)',
  422: 'Valid, but too little data (INSUFFICIENT_DATA)',
  429: 'Rate limited (RATE_LIMITED); Retry-After says when to retry',
  503: 'A service behind the gateway is unavailable (SERVICE_UNAVAILABLE, SOURCE_UNAVAILABLE)',
};

const errorResponse = (description) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } });

/** ts-json-schema-generator's draft-07 definitions as OpenAPI 3.1 component schemas. */
function toComponent(schema) {
  return JSON.parse(JSON.stringify(schema).replace(/#\/definitions\//g, '#/components/schemas/'));
}

const componentName = (name) => name.replace(/[^A-Za-z0-9._-]/g, '_');

export async function generate() {
  const controllerFiles = [...tsFiles(GATEWAY_SRC)].filter((f) => /@Controller\(/.test(readFileSync(f, 'utf8')));
  const parsed = controllerFiles.map((file) => ({ file, ...routesOf(file) }));
  const routes = parsed.flatMap((p) => p.routes).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));

  // Each type text of a route becomes a named alias in a generated file next to its controller's imports.
  const work = join(root, 'tmp', `openapi-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const aliases = [];
  for (const { file, routes: fileRoutes, source } of parsed) {
    const lines = importsOf(source, file);
    const names = new Set(lines.join('\n').match(/\b[A-Z][A-Za-z0-9]*\b/g) ?? []);
    for (const route of fileRoutes) {
      for (const [kind, text] of [
        ['Query', route.queryType],
        ['Body', route.bodyType],
        ['Response', route.responseType === 'file' ? null : route.responseType],
      ]) {
        if (!text) continue;
        if (route.bodyTypeFromDoc && kind === 'Body' && !names.has(text)) {
          lines.push(`import type { ${text} } from '@shopfloor/contracts';`);
          names.add(text);
        }
        const alias = `${route.operationId}_${kind}`;
        lines.push(`export type ${alias} = ${text};`);
        aliases.push({ alias, route, kind, text });
      }
    }
    writeFileSync(join(work, `${relative(GATEWAY_SRC, file).replace(/[/.]/g, '_')}.ts`), `${lines.join('\n')}\n`);
  }
  const generator = createGenerator({
    path: join(work, '*.ts'),
    tsconfig: join(root, 'tsconfig.base.json'),
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    skipTypeCheck: true,
    additionalProperties: true,
    sortProps: false,
  });
  const definitions = {};
  for (const { alias } of aliases) Object.assign(definitions, generator.createSchema(alias).definitions);
  rmSync(work, { recursive: true, force: true });

  // A route's alias of a named type is that type; of an inline type, a schema of its own.
  const schemas = {};
  const refOf = {};
  for (const { alias, text } of aliases) {
    const definition = definitions[alias];
    const direct = definition?.$ref?.replace('#/definitions/', '');
    refOf[alias] = direct && /^[A-Za-z0-9_]+$/.test(text) ? direct : alias;
  }
  const used = new Set(Object.values(refOf));
  for (const [name, definition] of Object.entries(definitions))
    if (!name.includes('_Query') && !name.includes('_Body') && !name.includes('_Response')) used.add(name);
  for (const name of used) if (definitions[name]) schemas[componentName(name)] = toComponent(definitions[name]);
  const renamed = JSON.stringify(schemas).replace(/#\/components\/schemas\/([^"]+)/g, (_, n) => `#/components/schemas/${componentName(decodeURIComponent(n))}`);
  Object.assign(schemas, JSON.parse(renamed));

  const limits = validatorLimits();
  for (const [className, props] of limits) {
    const schema = schemas[className];
    if (!schema?.properties) continue;
    for (const [prop, keywords] of Object.entries(props)) {
      const target = schema.properties[prop];
      if (!target) continue;
      const { items, ...own } = keywords;
      const apply = (into, add) => {
        const is = (type) => into.type === type || (Array.isArray(into.type) && into.type.includes(type));
        for (const [k, v] of Object.entries(add)) {
          if (into.$ref || into.enum) continue;
          if (k === 'type') {
            if (v === 'integer' && is('number')) into.type = Array.isArray(into.type) ? into.type.map((t) => (t === 'number' ? 'integer' : t)) : 'integer';
          } else if (['maxLength', 'minLength', 'pattern', 'format'].includes(k)) {
            if (is('string')) into[k] = v;
          } else if (['minimum', 'maximum'].includes(k)) {
            if (is('number') || is('integer')) into[k] = v;
          } else into[k] = v;
        }
      };
      apply(target, own);
      if (items && target.items) apply(target.items, items);
    }
  }
  schemas.ErrorBody = ERROR_BODY;

  const paths = {};
  for (const route of routes) {
    const alias = (kind) => refOf[`${route.operationId}_${kind}`];
    const parameters = route.pathParams.map((p) => ({
      name: p.name,
      in: 'path',
      required: true,
      schema: p.uuid ? { type: 'string', format: 'uuid' } : { type: 'string', minLength: 1 },
    }));
    for (const q of route.queryParams) {
      const type = q.declared?.type === 'Boolean' || /boolean/.test(q.typeText) ? 'boolean' : 'string';
      parameters.push({ name: q.name, in: 'query', required: q.required && q.declared?.required !== false, schema: { type } });
    }
    if (route.queryType) {
      const schema = schemas[alias('Query')];
      const required = new Set(schema?.required ?? []);
      for (const [name, property] of Object.entries(schema?.properties ?? {})) {
        const resolved = property.$ref
          ? { ...schemas[property.$ref.replace('#/components/schemas/', '')], ...(property.description ? { description: property.description } : {}) }
          : property;
        const { description, ...propertySchema } = resolved;
        parameters.push({ name, in: 'query', required: required.has(name), ...(description ? { description } : {}), schema: propertySchema });
      }
    }
    if (route.rawQuery && route.bodyContentTypes.includes('text/csv')) {
      for (const name of ['name', 'label', 'exclude', 'group', 'order']) {
        parameters.push({
          name,
          in: 'query',
          required: false,
          description: `For text/csv uploads: the dataset's ${name}${name === 'exclude' ? ' (a comma-separated list)' : ''}`,
          schema: { type: 'string' },
        });
      }
    }
    const responses = {};
    if (route.status === 204 || (!route.responseType && route.method === 'delete')) responses[route.status] = { description: 'Done' };
    else if (route.responseType === 'file') {
      responses[route.status] = {
        description: 'The report file',
        content: Object.fromEntries(
          (route.produces.length ? route.produces : ['application/octet-stream']).map((t) => [t, { schema: { type: 'string', contentEncoding: 'binary' } }]),
        ),
      };
    } else {
      responses[route.status] = {
        description: 'OK',
        content: { 'application/json': { schema: route.responseType ? { $ref: `#/components/schemas/${componentName(alias('Response'))}` } : {} } },
      };
    }
    const errors = [400];
    if (!route.public) errors.push(401, 403);
    if (route.pathParams.length > 0) errors.push(404);
    if (route.method !== 'get' && route.method !== 'delete') errors.push(409, 413, 415);
    if (route.path.startsWith('/api/v1/ml/')) errors.push(409, 422);
    errors.push(429, 503);
    for (const status of [...new Set(errors)].sort()) responses[status] = errorResponse(ERROR_STATUS[status]);
    const operation = {
      operationId: route.operationId,
      tags: route.tags,
      ...(route.summary ? { summary: route.summary } : {}),
      description: route.public
        ? 'No credentials needed.'
        : `Needs the ${route.role} role or a larger one (${ROLES.slice(ROLES.indexOf(route.role)).join(', ')}).`,
      'x-required-role': route.public ? null : route.role,
      ...(parameters.length ? { parameters } : {}),
      ...(route.bodyType
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(
                route.bodyContentTypes.map((t) => [
                  t,
                  { schema: t === 'application/json' ? { $ref: `#/components/schemas/${componentName(alias('Body'))}` } : { type: 'string' } },
                ]),
              ),
            },
          }
        : {}),
      responses,
      security: route.public ? [] : [{ api_key: [] }, { bearer: [] }],
    };
    (paths[route.path] ??= {})[route.method] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'Shopfloor Analytics API',
      version: JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version,
      description:
        'OEE and loss analytics, predictions, alerts and live status from CIMCO MDC data. Every error answer has one body (ErrorBody): error_code, message, details, timestamp, request_id and, on validation errors, field_errors.',
    },
    tags: [...new Set(routes.flatMap((r) => r.tags))].sort().map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        api_key: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A token from POST /api/v1/auth/token' },
      },
      schemas: Object.fromEntries(Object.entries(schemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
}

export async function clientTypes(document) {
  const header = "// The API's types, generated from libs/client/src/openapi.json by tools/openapi/generate.mjs: do not edit.\n";
  return header + astToString(await openapiTS(document, { alphabetize: true }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const document = await generate();
  const documentText = `${JSON.stringify(document, null, 2)}\n`;
  const typesText = await clientTypes(document);
  if (process.argv.includes('--check')) {
    const stale = [
      [DOCUMENT_PATH, documentText],
      [CLIENT_TYPES_PATH, typesText],
    ].filter(([path, text]) => {
      try {
        return readFileSync(path, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    if (stale.length > 0) {
      console.error(`Out of date with the code: ${stale.map(([p]) => relative(root, p)).join(', ')}. Run: node tools/openapi/generate.mjs`);
      process.exit(1);
    }
    console.log(`The OpenAPI document and the client types match the code (${Object.keys(document.paths).length} paths).`);
  } else {
    mkdirSync(dirname(DOCUMENT_PATH), { recursive: true });
    mkdirSync(dirname(CLIENT_TYPES_PATH), { recursive: true });
    writeFileSync(DOCUMENT_PATH, documentText);
    writeFileSync(CLIENT_TYPES_PATH, typesText);
    console.log(
      `Wrote ${relative(root, DOCUMENT_PATH)} (${Object.keys(document.paths).length} paths, ${Object.keys(document.components.schemas).length} schemas) and ${relative(root, CLIENT_TYPES_PATH)}.`,
    );
  }
}
