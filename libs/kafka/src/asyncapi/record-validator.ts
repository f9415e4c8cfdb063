import { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Checks Kafka records against an AsyncAPI 3 document (the one `asyncApiDocument()` makes, or
 * any AsyncAPI 3 document parsed from YAML/JSON with local `$ref`s): the channel is found by the
 * record's topic (`address`), the message by its `ce_type` header, then headers, key and value
 * are validated against the message's schemas. Framework-free: a plain function over plain data.
 *
 * Ajv's default class (draft-07): the AsyncAPI 3.0 default schema format is the AsyncAPI Schema
 * Object, a superset of JSON Schema draft-07. The catalogue's schemas use only keywords that
 * draft-07 and 2020-12 read alike (no array `items`, no `$defs`), so both classes agree on them.
 */

/** A consumed record with strings for key, value and headers (`ConsumedRecord` in test/support fits). */
export interface KafkaRecordToValidate {
  readonly topic: string;
  readonly key: string | null;
  /** JSON text, or null for a tombstone. */
  readonly value: string | null;
  readonly headers: Readonly<Record<string, string>>;
}

/** The problems of one record: empty when it matches the document. */
export type RecordValidator = (record: KafkaRecordToValidate) => string[];

type Json = Record<string, unknown>;

interface CompiledMessage {
  readonly name: string;
  /** The `const` the message's headers schema gives `ce_type`, if any. */
  readonly ceType: string | undefined;
  readonly headers: ValidateFunction | undefined;
  readonly payload: ValidateFunction | undefined;
  readonly key: ValidateFunction | undefined;
}

export function createRecordValidator(document: object): RecordValidator {
  const doc = document as Json;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const compile = (schema: unknown): ValidateFunction | undefined => (schema === undefined ? undefined : ajv.compile(schema as Json));

  const channels = new Map<string, { id: string; messages: CompiledMessage[] }>();
  for (const [id, rawChannel] of Object.entries(asObject(doc.channels))) {
    const channel = asObject(deref(doc, rawChannel));
    if (typeof channel.address !== 'string') continue;
    const messages = Object.entries(asObject(channel.messages)).map(([key, raw]): CompiledMessage => {
      const message = asObject(raw);
      return {
        name: typeof message.name === 'string' ? message.name : key,
        ceType: constOf(message.headers, 'ce_type'),
        headers: compile(message.headers),
        payload: compile(schemaOf(message.payload)),
        key: compile(asObject(asObject(message.bindings).kafka).key),
      };
    });
    channels.set(channel.address, { id, messages });
  }

  return (record) => {
    const channel = channels.get(record.topic);
    if (!channel) return [`topic ${record.topic}: no channel of the document has this address`];
    const ceType = record.headers.ce_type;
    const message =
      channel.messages.find((m) => m.ceType !== undefined && m.ceType === ceType) ??
      (channel.messages.length === 1 && channel.messages[0].ceType === undefined ? channel.messages[0] : undefined);
    if (!message) {
      const known = channel.messages.map((m) => m.ceType ?? m.name).join(', ');
      return [
        `headers.ce_type ${JSON.stringify(ceType ?? null)} is no message of channel ${channel.id} (${record.topic}); expected one of ${known}`,
      ];
    }
    const problems: string[] = [];
    const check = (label: string, validate: ValidateFunction | undefined, data: unknown) => {
      if (validate && !validate(data)) problems.push(...(validate.errors ?? []).map((e) => problemText(label, e)));
    };
    check('headers', message.headers, { ...record.headers });
    check('key', message.key, record.key);
    // A tombstone's null value is checked too: only a message whose payload allows null may have one.
    let value: unknown = null;
    let parsed = true;
    if (record.value !== null) {
      try {
        value = JSON.parse(record.value);
      } catch (e) {
        parsed = false;
        problems.push(`value: not JSON (${(e as Error).message})`);
      }
    }
    if (parsed) check('value', message.payload, value);
    return problems.map((p) => `${message.name}: ${p}`);
  };
}

function problemText(label: string, e: ErrorObject): string {
  const params = e.params as Record<string, unknown>;
  const detail =
    e.keyword === 'additionalProperties'
      ? ` '${String(params.additionalProperty)}'`
      : e.keyword === 'const'
        ? ` ${JSON.stringify(params.allowedValue)}`
        : e.keyword === 'not'
          ? ` (${e.schemaPath})`
          : '';
  return `${label}${e.instancePath.replaceAll('/', '.')}: ${e.message ?? e.keyword}${detail}`;
}

/** A message payload: a schema, or an AsyncAPI 3 Multi Format Schema Object (its `schema`). */
function schemaOf(payload: unknown): unknown {
  if (payload && typeof payload === 'object' && 'schemaFormat' in payload && 'schema' in payload) return (payload as Json).schema;
  return payload;
}

function asObject(value: unknown): Json {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** The `const` a (dereferenced) object schema gives `property`, looking through allOf. */
function constOf(schema: unknown, property: string): string | undefined {
  const s = asObject(schema);
  const own = asObject(asObject(s.properties)[property]).const;
  if (typeof own === 'string') return own;
  for (const part of Array.isArray(s.allOf) ? s.allOf : []) {
    const found = constOf(part, property);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * `node` with every local `$ref` (`#/...`) replaced by what it points to, so that Ajv gets
 * self-contained schemas. A `$ref` with sibling keywords becomes `allOf: [target]` beside them.
 * Cyclic references are refused (the generated document has none).
 */
function deref(root: Json, node: unknown, seen: readonly string[] = []): unknown {
  if (Array.isArray(node)) return node.map((n) => deref(root, n, seen));
  if (!node || typeof node !== 'object') return node;
  const { $ref, ...rest } = node as Json;
  if (typeof $ref === 'string') {
    if (!$ref.startsWith('#/')) throw new Error(`only local $refs are supported, got ${$ref}`);
    if (seen.includes($ref)) throw new Error(`cyclic $ref ${[...seen, $ref].join(' → ')}`);
    const target = deref(root, pointer(root, $ref), [...seen, $ref]);
    return Object.keys(rest).length === 0 ? target : { allOf: [target], ...(deref(root, rest, seen) as Json) };
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, deref(root, v, seen)]));
}

function pointer(root: Json, ref: string): unknown {
  let at: unknown = root;
  for (const raw of ref.slice(2).split('/')) {
    const part = decodeURIComponent(raw).replaceAll('~1', '/').replaceAll('~0', '~');
    if (!at || typeof at !== 'object' || !(part in at)) throw new Error(`$ref ${ref} points to nothing`);
    at = (at as Json)[part];
  }
  return at;
}
