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
