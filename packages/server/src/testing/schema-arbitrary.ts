import { codePoints } from '@switchboard/core';
import fc from 'fast-check';

/** The subset of OpenAPI 3.0 / JSON Schema that the route schemas use. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  minProperties?: number;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
}

/** One operation of an OpenAPI document, with the schemas its requests are validated against. */
export interface Operation {
  /** "METHOD /path" with the prefix removed, e.g. "PATCH /users/{id}". */
  key: string;
  method: string;
  path: string;
  parameters: { name: string; in: string; schema: JsonSchema }[];
  body: JsonSchema | undefined;
}

/** Every path × method under `prefix` in an OpenAPI 3 document. */
export function openApiOperations(document: any, prefix: string): Operation[] {
  return Object.entries<any>(document.paths)
    .filter(([path]) => path.startsWith(`${prefix}/`))
    .flatMap(([fullPath, item]) =>
      ['get', 'post', 'put', 'patch', 'delete']
        .filter((method) => item[method])
        .map((method) => {
          const path = fullPath.slice(prefix.length);
          return {
            key: `${method.toUpperCase()} ${path}`,
            method: method.toUpperCase(),
            path,
            parameters: item[method].parameters ?? [],
            body: item[method].requestBody?.content?.['application/json']?.schema,
          };
        }),
    );
}

export interface SchemaArbitraries {
  /** Values the schema accepts (nearly always: regex generation is approximate). */
  valid(schema: JsonSchema): fc.Arbitrary<unknown>;
  /** Values the schema should refuse: wrong types, missing or unknown fields, out-of-range sizes. */
  invalid(schema: JsonSchema): fc.Arbitrary<unknown>;
  /**
   * One case per field and bad value: the value valid but for that one field, which holds a number no column
   * takes (HUGE_NUMBERS) or a string one character over its maxLength or under its minLength. `text`: the
   * numbers as query-string text; `json`: as raw JSON numbers (write the value with `jsonText`).
   */
  outOfBounds(schema: JsonSchema, mode: 'json' | 'text', where: string): OutOfBoundsCase[];
}

export interface OutOfBoundsCase {
  /** Where and what, e.g. "body/capacity/chat=1e400". */
  label: string;
  value: fc.Arbitrary<unknown>;
}

/** Numbers beyond every column and every double, or no numbers at all, as a client may write them. */
export const HUGE_NUMBERS = ['1e400', '-1e400', String(2 ** 53 + 1), '1e20', '-1e20', 'NaN', 'Infinity'];

const RAW = '\u0001raw:';
/** A value written into JSON text as it is (1e400 and NaN have no JavaScript value that JSON keeps). */
export const rawJson = (text: string) => `${RAW}${text}${RAW}`;
/** JSON.stringify, with `rawJson` values written out raw. */
export const jsonText = (value: unknown) =>
  JSON.stringify(value)?.replace(/"\\u0001raw:([^"\\]*)\\u0001raw:"/g, '$1');

/** JSON text that opens `depth` arrays or objects inside each other. */
export const deeplyNested = (depth: number, kind: 'array' | 'object') =>
  kind === 'array'
    ? `${'['.repeat(depth)}1${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Sizes stay small: the point is the shape of a value, not its bulk. */
const SMALL = 4;
const anyJson = fc.jsonValue({ maxDepth: 2 });
const MALFORMED_UUIDS = [
  '',
  'not-a-uuid',
  '00000000-0000-0000-0000-00000000000',
  '00000000-0000-0000-0000-0000000000000',
  'g0000000-0000-0000-0000-000000000000',
  '00000000000000000000000000000000',
  '{00000000-0000-0000-0000-000000000000}',
  ' 00000000-0000-0000-0000-000000000000',
  '0',
  '-1',
  'null',
  '../..',
  "' or 1=1 --",
];
const NIL_UUID = '00000000-0000-0000-0000-000000000000';
/** Text the database may choke on although the schema accepts it. */
const AWKWARD_TEXT = ['a\u0000b', '\u0000', 'x\uD800y', '😀𝒜', "O'Brien", 'a\\b%00'];

/**
 * `knownIds` supplies ids of entities that exist, so that some uuids in generated values refer to them and
 * the requests get past "not found" into the deeper rules.
 */
export function schemaArbitraries(
  components: Record<string, JsonSchema>,
  knownIds: () => string[] = () => [],
): SchemaArbitraries {
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (!schema.$ref) return schema;
    const target = components[schema.$ref.replace('#/components/schemas/', '')];
    if (!target) throw new Error(`unresolved $ref ${schema.$ref}`);
    return resolve(target);
  };
  const typeOf = (s: JsonSchema) => (Array.isArray(s.type) ? s.type[0] : s.type);
  const regex = (s: JsonSchema) => (s.pattern === undefined ? undefined : new RegExp(s.pattern, 'u'));

  // Arbitraries are immutable and building one from a pattern is slow: each schema gets one, reused.
  const validOf = new WeakMap<JsonSchema, fc.Arbitrary<unknown>>();
  const objectOf = new WeakMap<JsonSchema, fc.Arbitrary<Record<string, unknown>>>();
  const byPattern = new Map<string, fc.Arbitrary<string>>();
  const matching = (pattern: RegExp) => {
    const arbitrary = byPattern.get(pattern.source) ?? fc.stringMatching(pattern, { size: 'xsmall' });
    byPattern.set(pattern.source, arbitrary);
    return arbitrary;
  };

  function valid(input: JsonSchema): fc.Arbitrary<unknown> {
    const s = resolve(input);
    const cached = validOf.get(s);
    if (cached) return cached;
    const base = validBase(s);
    const arbitrary = s.nullable ? fc.oneof(base, fc.constant(null)) : base;
    validOf.set(s, arbitrary);
    return arbitrary;
  }

  function validBase(s: JsonSchema): fc.Arbitrary<unknown> {
    if (s.enum) return fc.constantFrom(...s.enum);
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return fc.oneof(...alternatives.map(valid));
    switch (typeOf(s)) {
      case 'string':
        return validString(s);
      case 'integer':
        return fc.integer({ min: s.minimum ?? -1_000_000, max: s.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array': {
        const minLength = s.minItems ?? 0;
        return fc.array(valid(s.items ?? {}), {
          minLength,
          maxLength: Math.max(minLength, Math.min(s.maxItems ?? SMALL, SMALL)),
        });
      }
      case 'object':
        return validObject(s);
      default:
        return anyJson;
    }
  }

  function validString(s: JsonSchema): fc.Arbitrary<string> {
    if (s.format === 'uuid') {
      const existing = fc.nat().map((i) => {
        const ids = knownIds();
        return ids[i % ids.length] ?? NIL_UUID;
      });
      return fc.oneof(fc.uuid(), existing);
    }
    if (s.format === 'date-time') {
      return fc
        .date({ min: new Date('1970-01-01Z'), max: new Date('2100-01-01Z'), noInvalidDate: true })
        .map((date) => date.toISOString());
    }
    const min = s.minLength ?? 0;
    const max = s.maxLength ?? 200;
    const pattern = regex(s);
    const fits = (value: string) =>
      codePoints(value) >= min && codePoints(value) <= max && (!pattern || pattern.test(value));
    const boundaries = ['a'.repeat(Math.max(min, 1)), 'a'.repeat(max), '😀'.repeat(max)];
    const free = fc.oneof(
      fc.string({ minLength: min, maxLength: Math.min(max, min + 12) }),
      fc.string({ unit: 'binary', minLength: min, maxLength: Math.min(max, min + 12) }),
    );
    return fc
      .oneof(
        { weight: 3, arbitrary: pattern ? matching(pattern) : free },
        { weight: 1, arbitrary: fc.constantFrom(...boundaries) },
        { weight: 3, arbitrary: fc.constantFrom(...AWKWARD_TEXT) },
      )
      .filter(fits);
  }

  function validObject(s: JsonSchema): fc.Arbitrary<Record<string, unknown>> {
    const cached = objectOf.get(s);
    if (cached) return cached;
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, property] of Object.entries(s.properties ?? {})) model[key] = valid(property);
    const required = s.required ?? [];
    const record = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
    // With at most one optional field, more values get past cross-field rules into the deeper code.
    const sparse = record.map((o) => {
      const optional = Object.keys(o).find((key) => !required.includes(key));
      return Object.fromEntries(
        Object.entries(o).filter(([key]) => required.includes(key) || key === optional),
      );
    });
    const minProperties = s.minProperties ?? 0;
    const arbitrary = fc.oneof(record, sparse).filter((o) => Object.keys(o).length >= minProperties);
    objectOf.set(s, arbitrary);
    return arbitrary;
  }

  function wrongType(s: JsonSchema): fc.Arbitrary<unknown> {
    const allowed = new Set(s.enum ? [] : [s.type ?? []].flat());
    if (allowed.has('number')) allowed.add('integer');
    if (s.nullable) allowed.add('null');
    const byType: Record<string, fc.Arbitrary<unknown>> = {
      string: fc.string({ maxLength: SMALL }),
      integer: fc.integer(),
      number: fc.constantFrom(0.5, -1.25, 1e300),
      boolean: fc.boolean(),
      null: fc.constant(null),
      array: fc.array(anyJson, { maxLength: SMALL }),
      object: fc.dictionary(fc.string({ maxLength: SMALL }), anyJson, { maxKeys: SMALL }),
    };
    const others = Object.entries(byType).filter(([type]) => !allowed.has(type));
    const arbitrary = fc.oneof(...others.map(([, a]) => a));
    return s.enum ? arbitrary.filter((value) => !s.enum?.includes(value)) : arbitrary;
  }

  function invalid(input: JsonSchema): fc.Arbitrary<unknown> {
    const s = resolve(input);
    const options: fc.Arbitrary<unknown>[] = [wrongType(s)];
    if (s.enum) options.push(fc.string({ maxLength: 12 }).filter((value) => !s.enum?.includes(value)));
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) options.push(...alternatives.map(invalid));
    const type = typeOf(s);
    if (type === 'string') {
      if (s.maxLength !== undefined) {
        const over = s.maxLength + 1;
        options.push(fc.string({ minLength: over, maxLength: over + 8 }), fc.constant('😀'.repeat(over)));
      }
      if (s.minLength) options.push(fc.string({ maxLength: s.minLength - 1 }));
      const pattern = regex(s);
      if (pattern) {
        const near = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(' a', 'a ', '<b>', '\n', 'a\tb'));
        options.push(near.filter((value) => !pattern.test(value)));
      }
      if (s.format === 'uuid') options.push(fc.constantFrom(...MALFORMED_UUIDS));
      if (s.format === 'date-time') options.push(fc.constantFrom('yesterday', '2024-13-45T25:61:00Z', ''));
    }
    if (type === 'integer' || type === 'number') {
      const extremes = [2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, -1e300, 1e300, 0.5];
      if (s.minimum !== undefined) extremes.push(s.minimum - 1, s.minimum - 0.5);
      if (s.maximum !== undefined) extremes.push(s.maximum + 1, s.maximum + 0.5);
      options.push(fc.constantFrom(...extremes));
    }
    if (type === 'array') {
      const items = s.items ?? {};
      options.push(fc.array(invalid(items), { minLength: 1, maxLength: SMALL }));
      if (s.maxItems !== undefined) {
        const over = s.maxItems + 1;
        options.push(fc.array(valid(items), { minLength: over, maxLength: over }));
      }
    }
    if (type === 'object') options.push(...invalidObjects(s));
    return fc.oneof(...options);
  }

  function invalidObjects(s: JsonSchema): fc.Arbitrary<unknown>[] {
    const base = validObject(s);
    const properties = s.properties ?? {};
    const options: fc.Arbitrary<unknown>[] = [fc.constant({})];
    for (const key of s.required ?? []) {
      options.push(base.map(({ [key]: _dropped, ...rest }) => rest));
    }
    for (const [key, property] of Object.entries(properties)) {
      options.push(fc.tuple(base, invalid(property)).map(([object, bad]) => ({ ...object, [key]: bad })));
    }
    if (s.additionalProperties === false) {
      const unknownKey = fc
        .string({ minLength: 1, maxLength: 8 })
        .filter((key) => !Object.hasOwn(properties, key));
      options.push(
        fc.tuple(base, unknownKey, anyJson).map(([object, key, value]) => ({ ...object, [key]: value })),
      );
    }
    return options;
  }

  function outOfBounds(
    input: JsonSchema,
    mode: 'json' | 'text',
    where: string,
    depth = 0,
  ): OutOfBoundsCase[] {
    const s = resolve(input);
    if (depth > 6 || s.enum) return [];
    const alternatives = s.anyOf ?? s.oneOf;
    if (alternatives) return alternatives.flatMap((a) => outOfBounds(a, mode, where, depth + 1));
    const type = typeOf(s);
    if (type === 'integer' || type === 'number') {
      return HUGE_NUMBERS.map((text) => ({
        label: `${where}=${text}`,
        value: fc.constant(mode === 'json' ? rawJson(text) : text),
      }));
    }
    if (type === 'string') {
      const cases: OutOfBoundsCase[] = [];
      if (s.maxLength !== undefined) {
        const over = s.maxLength + 1;
        cases.push({ label: `${where} of ${over} characters`, value: fc.constant('a'.repeat(over)) });
      }
      if (s.minLength) {
        const under = s.minLength - 1;
        cases.push({ label: `${where} of ${under} characters`, value: fc.constant('a'.repeat(under)) });
      }
      return cases;
    }
    if (type === 'array') {
      const items = s.items ?? {};
      return outOfBounds(items, mode, `${where}/0`, depth + 1).map((c) => ({
        label: c.label,
        value: fc
          .tuple(c.value, fc.array(valid(items), { maxLength: 1 }))
          .map(([bad, rest]) => [bad, ...rest].slice(0, Math.max(1, s.maxItems ?? 2))),
      }));
    }
    if (type === 'object') {
      return Object.entries(s.properties ?? {}).flatMap(([key, property]) =>
        outOfBounds(property, mode, `${where}/${key}`, depth + 1).map((c) => ({
          label: c.label,
          value: fc.tuple(validObject(s), c.value).map(([object, bad]) => ({ ...object, [key]: bad })),
        })),
      );
    }
    return [];
  }

  return { valid, invalid, outOfBounds: (schema, mode, where) => outOfBounds(schema, mode, where) };
}
