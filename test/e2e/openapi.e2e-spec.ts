import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { REQUIRED_ROLE } from '../../apps/service/src/auth/requires-role.decorator';
import { OPENAPI_30_STRUCTURE } from '../support/openapi-3.0-structure.schema';
import { Exchange, OpenApiConformance } from '../support/openapi-conformance';
import { startTestApp, TestApp } from '../support/test-app';

interface Operation {
  operationId: string;
  tags?: string[];
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: unknown;
  responses: Record<string, { description: string; content?: Record<string, unknown> }>;
  security?: Record<string, string[]>[];
}
type Document = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

interface AppRoute {
  method: string;
  path: string;
  needsRole: boolean;
  controller: string;
}

/** Every route the Nest app serves, from its controllers' metadata. */
function appRoutes(t: TestApp): AppRoute[] {
  const discovery = t.app.get(DiscoveryService, { strict: false });
  const scanner = new MetadataScanner();
  return discovery.getControllers().flatMap((wrapper) => {
    const type = wrapper.metatype as new (...args: never[]) => object;
    const base = String(Reflect.getMetadata('path', type) ?? '');
    const classRole = Reflect.getMetadata(REQUIRED_ROLE, type) !== undefined;
    return scanner.getAllMethodNames(type.prototype).flatMap((name) => {
      const handler = (type.prototype as Record<string, unknown>)[name] as object;
      const path = Reflect.getMetadata('path', handler) as string | undefined;
      if (path === undefined) return [];
      const method = RequestMethod[Reflect.getMetadata('method', handler) as number].toLowerCase();
      const full = `/${[base, path]
        .map((p) => p.replace(/^\/|\/$/g, ''))
        .filter(Boolean)
        .join('/')}`.replace(/:(\w+)/g, '{$1}');
      return [
        { method, path: full, needsRole: classRole || Reflect.getMetadata(REQUIRED_ROLE, handler) !== undefined, controller: type.name },
      ];
    });
  });
}

function structureValidator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  // "regex": every `pattern` in the document must be a valid regular expression.
  addFormats(ajv, ['regex']);
  return ajv.compile(OPENAPI_30_STRUCTURE);
}

/** The JSON-pointer targets of every $ref in a document. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

function resolve(doc: unknown, pointer: string): unknown {
  return pointer
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (at, key) =>
        at && typeof at === 'object' ? (at as Record<string, unknown>)[key.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined,
      doc,
    );
}

describe('OpenAPI document at /docs-json', () => {
  let t: TestApp;
  let doc: Document;
  let routes: AppRoute[];

  beforeAll(async () => {
    t = await startTestApp();
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    doc = res.body as Document;
    routes = appRoutes(t);
    mkdirSync('test-artifacts', { recursive: true });
    writeFileSync('test-artifacts/openapi.json', JSON.stringify(doc, null, 2));
  });
  afterAll(async () => t.close());

  it('is a structurally valid OpenAPI 3.0 document, every $ref resolving and every operationId unique', () => {
    const validate = structureValidator();
    const valid = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    const unresolved = [...new Set(refs(doc))].filter((r) => resolve(doc, r) === undefined);
    expect(unresolved).toEqual([]);
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the structural check catches what a broken document would get wrong', () => {
    const validate = structureValidator();
    // A JSON document poked at any depth by the mutations below: `any` is what lets them reach in.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
    type Doc = Record<string, any>;
    const breakIt = (mutate: (d: Doc) => void) => {
      const broken = structuredClone(doc) as Doc;
      mutate(broken);
      return validate(broken);
    };
    expect(breakIt(() => undefined)).toBe(true);
    expect(breakIt((d) => (d.paths['/timeline'].get.responses['2xx-ok'] = { description: 'not a status' }))).toBe(false);
    expect(breakIt((d) => (d.paths['/stories/{id}'].get.parameters.find((p: { in: string }) => p.in === 'path').required = false))).toBe(
      false,
    );
    expect(breakIt((d) => (d.components.schemas.WriteResponseDto.properties.id.type = ['string', 'null']))).toBe(false);
    expect(breakIt((d) => delete d.paths['/timeline'].get.responses['200'].description)).toBe(false);
    expect(breakIt((d) => (d.openapi = '3.1.0'))).toBe(false);
  });

  it('documents every route of the app, with its path parameters', () => {
    expect(routes.length).toBeGreaterThanOrEqual(17);
    const missing = routes
      .filter((r) => !doc.paths[r.path]?.[r.method])
      .map((r) => `${r.method.toUpperCase()} ${r.path} (${r.controller})`);
    expect(missing).toEqual([]);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        const declared = (op.parameters ?? [])
          .filter((p) => p.in === 'path')
          .map((p) => p.name)
          .sort();
        expect({ path, params: declared }).toEqual({ path, params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() });
        expect(op.summary).toEqual(expect.any(String));
        expect(op.tags?.length).toBeGreaterThan(0);
      }
    }
  });

  it('documents every status of the HTTP contract: writes, auth, ids and query validation', () => {
    const problems: string[] = [];
    const expectStatuses = (r: AppRoute, op: Operation, statuses: string[]) => {
      for (const s of statuses) if (!op.responses[s]) problems.push(`${r.method.toUpperCase()} ${r.path}: no ${s}`);
    };
    for (const r of routes) {
      const op = doc.paths[r.path][r.method];
      if (!Object.keys(op.responses).some((s) => s.startsWith('2'))) problems.push(`${r.path}: no 2xx`);
      const hasInput = (op.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path') || op.requestBody !== undefined;
      if (hasInput) expectStatuses(r, op, ['400']);
      if (/\{id\}/.test(r.path)) expectStatuses(r, op, ['404']);
      if (r.needsRole) {
        expectStatuses(r, op, ['401', '403']);
        if (!op.security?.some((s) => 'bearer' in s)) problems.push(`${r.method.toUpperCase()} ${r.path}: no bearer security`);
      }
      if (r.method === 'post') expectStatuses(r, op, ['413', '415']);
      // The editor writes of docs/architecture.md section 3.
      if (r.method === 'post' && !r.path.startsWith('/admin')) {
        expectStatuses(r, op, ['201', '422']);
        // A write to an existing stream checks its expected version.
        if (/\{id\}/.test(r.path)) expectStatuses(r, op, ['409']);
        if (!op.parameters?.some((p) => p.name === 'Idempotency-Key' && p.in === 'header')) problems.push(`${r.path}: no Idempotency-Key`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('says which routes answer HTML or an event stream, and describes bodies', () => {
    expect(Object.keys(doc.paths['/'].get.responses['200'].content ?? {})).toEqual(['text/html']);
    expect(Object.keys(doc.paths['/stories/{id}'].get.responses['200'].content ?? {}).sort()).toEqual(['application/json', 'text/html']);
    expect(Object.keys(doc.paths['/timeline/stream'].get.responses['200'].content ?? {})).toEqual(['text/event-stream']);
    const create = doc.paths['/diplomatic-events'].post;
    expect(JSON.stringify(create.requestBody)).toContain('RecordDiplomaticEventDto');
    const schemas = (
      doc as unknown as { components: { schemas: Record<string, { required?: string[]; properties: Record<string, unknown> }> } }
    ).components.schemas;
    expect(schemas.RecordDiplomaticEventDto.required).toEqual(expect.arrayContaining(['title', 'kind', 'when']));
    expect(Object.keys(schemas.RecordDiplomaticEventDto.properties)).toEqual(
      expect.arrayContaining(['participants', 'sources', 'quotes', 'status', 'relations', 'about', 'publishedAt']),
    );
    expect(schemas.FactDateDto.required).toEqual(expect.arrayContaining(['precision', 'certainty']));
    expect(schemas.WriteResponseDto.required).toEqual(['id', 'version', 'position']);
  });

  it('serves Swagger UI at /docs', async () => {
    const res = await t.http().get('/docs').redirects(1).expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toMatch(/swagger-ui/i);
  });
  it('passes the Redocly CLI lint (recommended rules, redocly.yaml) with no error and no warning', () => {
    const run = spawnSync(
      process.execPath,
      ['node_modules/@redocly/cli/bin/cli.js', 'lint', 'test-artifacts/openapi.json', '--config', 'redocly.yaml', '--format', 'json'],
      {
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
      },
    );
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      totals: { errors: number; warnings: number };
      problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
    };
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`);
    expect(problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
    expect(run.status).toBe(0);
  });

  it('types every request field and allows null only where an amendment removes an optional field', () => {
    const schemas = (
      doc as unknown as {
        components: {
          schemas: Record<string, { properties?: Record<string, { type?: string; $ref?: string; allOf?: unknown; nullable?: boolean }> }>;
        };
      }
    ).components.schemas;
    const bodies = [
      'CreateStoryDto',
      'ReviseStoryDto',
      'RecordDiplomaticEventDto',
      'DiplomaticEventChangesDto',
      'AmendDiplomaticEventDto',
      'RetractDiplomaticEventDto',
      'PlaceDto',
      'ParticipantDto',
      'QuoteDto',
      'FactDateDto',
      'FactRelationDto',
      'AboutDateDto',
      'AttributedSourceDto',
    ];
    // A bare `object` is what TypeScript's metadata makes of `string | null`; a nullable $ref is `object` with allOf.
    const untyped = bodies.flatMap((name) =>
      Object.entries(schemas[name].properties ?? {})
        .filter(([, p]) => !p.$ref && !p.allOf && (!p.type || p.type === 'object'))
        .map(([field]) => `${name}.${field}`),
    );
    expect(untyped).toEqual([]);
    const nullable = (name: string) =>
      Object.entries(schemas[name].properties ?? {})
        .filter(([, p]) => p.nullable)
        .map(([field]) => field)
        .sort();
    for (const name of bodies.filter((n) => n !== 'DiplomaticEventChangesDto'))
      expect({ name, nullable: nullable(name) }).toEqual({ name, nullable: [] });
    expect(nullable('DiplomaticEventChangesDto')).toEqual(['cameoCode', 'language', 'location', 'summary']);
  });

  it('declares security on every operation: none on public routes, bearer where a role is needed', () => {
    for (const r of routes) {
      const op = doc.paths[r.path][r.method];
      expect({ route: `${r.method} ${r.path}`, security: op.security }).toEqual({
        route: `${r.method} ${r.path}`,
        security: r.needsRole ? [{ bearer: [] }] : [],
      });
    }
  });

  it("gives every response a content type and schema (but a 304, which has no body), the stream's 400 as JSON, and 414 on routes with path parameters", () => {
    const bare = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) =>
        Object.entries(op.responses)
          .filter(
            ([status, res]) =>
              status !== '304' && (!res.content || Object.values(res.content).some((m) => !(m as { schema?: unknown }).schema)),
          )
          .map(([status]) => `${method.toUpperCase()} ${path} ${status}`),
      ),
    );
    expect(bare).toEqual([]);
    expect(Object.keys(doc.paths['/timeline/stream'].get.responses['400'].content ?? {})).toEqual(['application/json']);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) expect({ path, has414: '414' in op.responses }).toEqual({ path, has414: path.includes('{') });
    }
  });

  it('answers a too long path parameter with a 414 that names the problem without echoing the path', async () => {
    const long = 'x'.repeat(5000);
    for (const path of [`/stories/${long}`, `/timeline/${long}`, `/diplomatic-events/${long}/amendments`]) {
      const res = await t.http().get(path).expect(414);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      expect(res.body).toEqual({ statusCode: 414, error: 'URI Too Long', message: 'a path parameter is longer than 100 characters' });
      expect(res.text).not.toContain('xxxxxxxxxx');
    }
  });

  it('the conformance check of the e2e suites catches answers and accepted requests the document does not describe', () => {
    const conformance = new OpenApiConformance(doc as never);
    const write = { method: 'POST', url: '/diplomatic-events', status: 201, contentType: 'application/json; charset=utf-8', query: {} };
    const created = JSON.stringify({ id: randomUUID(), version: 1, position: 7 });
    const body = {
      title: 'Talks',
      kind: 'talks',
      when: { precision: 'day', on: '2025-05-16', certainty: 'explicit', timezone: 'Europe/Istanbul' },
    };
    const check = (x: Partial<Exchange>) => conformance.problems({ ...write, payload: created, requestBody: body, ...x });
    expect(check({})).toEqual([]);
    expect(check({ requestBody: { ...body, when: { ...body.when, timezone: 5 } } })).toEqual([
      expect.stringMatching(
        /POST \/diplomatic-events .*answered 201, but the request does not match the document: request body fails RecordDiplomaticEventDto: .*timezone must be string/,
      ),
    ]);
    expect(check({ requestBody: { ...body, storyIds: null } })).toEqual([expect.stringMatching(/storyIds must be array/)]);
    expect(check({ payload: JSON.stringify({ id: randomUUID(), version: 1 }) })).toEqual([
      expect.stringMatching(/answered 201: response body fails WriteResponseDto: .*must have required property 'position'/),
    ]);
    expect(check({ status: 418 })).toEqual([expect.stringMatching(/status 418 is not documented/)]);
    expect(
      check({ method: 'GET', url: '/timeline/stream?since=x', status: 400, contentType: 'text/event-stream', requestBody: undefined }),
    ).toEqual([expect.stringMatching(/GET \/timeline\/stream .*content type text\/event-stream is not documented/)]);
    expect(
      check({
        method: 'GET',
        url: '/timeline/2025-05-16?color=red',
        status: 200,
        query: { color: 'red' },
        requestBody: undefined,
        payload: JSON.stringify({ date: '2025-05-16', position: 1, entries: [] }),
      }),
    ).toEqual([expect.stringMatching(/GET \/timeline\/\{date\} .*undocumented query parameter\(s\) color/)]);
    // Routes the document does not describe (Swagger UI, unknown paths) are not held to it.
    expect(check({ method: 'GET', url: '/docs/swagger-ui.css', status: 200, contentType: 'text/css' })).toEqual([]);
  });
});
