import { SwitchboardError } from '@switchboard/core';
import Ajv, { type Options } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import { plainIssue } from './validation-messages.ts';

const common: Options = {
  allErrors: false,
  removeAdditional: false,
  useDefaults: true,
  strict: false,
  // NaN and Infinity are no numbers: `?after=1e400` and a JSON 1e400 (both Infinity) are refused.
  strictNumbers: true,
  // Errors carry the schema that failed, whose description tells a person how to write the value.
  verbose: true,
};

// Bodies are taken exactly as sent: a string where a number belongs is an error, not a guess.
const bodyAjv = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }));
// Query strings and path parameters arrive as text and are coerced to the declared types.
const textAjv = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }));

export const validatorCompiler: FastifySchemaCompiler<object> = ({ schema, httpPart }) =>
  httpPart === 'body' ? bodyAjv.compile(schema) : finiteOnly(textAjv.compile(schema));

type Validate = ((data: unknown) => boolean) & { errors?: FastifySchemaValidationError[] | null };

/**
 * Ajv coerces text such as `1e400` to Infinity and then skips minimum and maximum for it, so a check after
 * coercion refuses what no column can hold. Query strings and path parameters are flat: one level to look at.
 */
function finiteOnly(check: Validate): Validate {
  const validate: Validate = (data) => {
    const valid = check(data);
    validate.errors = check.errors;
    if (!valid || data === null || typeof data !== 'object') return valid;
    for (const [key, value] of Object.entries(data)) {
      if ([value].flat().some((item) => typeof item === 'number' && !Number.isFinite(item))) {
        validate.errors = [
          {
            instancePath: `/${key}`,
            message: 'must be a finite number',
            keyword: 'finite',
            schemaPath: '',
            params: {},
          },
        ];
        return false;
      }
    }
    return true;
  };
  return validate;
}

/** Validates input that does not come through HTTP (the command line) against the same schemas. */
export function assertValid<T>(schema: object, value: unknown, what: string): T {
  const check = bodyAjv.compile(schema);
  if (check(value)) return value as T;
  const issues = (check.errors ?? []).map((issue) => plainIssue(what, issue));
  throw new SwitchboardError(
    'validation_failed',
    `The ${what} is not valid: ${issues[0]?.message ?? 'it does not match its schema.'}`,
    issues,
  );
}
