import { SwitchboardError } from '@switchboard/core';
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const common: Options = {
  allErrors: false,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
};

// Bodies are taken exactly as sent: a string where a number belongs is an error, not a guess.
const bodyAjv = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }));
// Query strings and path parameters arrive as text and are coerced to the declared types.
const textAjv = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  (httpPart === 'body' ? bodyAjv : textAjv).compile(schema);

/** Validates input that does not come through HTTP (the command line) against the same schemas. */
export function assertValid<T>(schema: object, value: unknown, what: string): T {
  const check = bodyAjv.compile(schema);
  if (check(value)) return value as T;
  const issue = check.errors?.[0];
  throw new SwitchboardError(
    'validation_failed',
    `The ${what} is not valid: ${issue?.instancePath || 'value'} ${issue?.message ?? 'is not valid'}.`,
    check.errors,
  );
}
