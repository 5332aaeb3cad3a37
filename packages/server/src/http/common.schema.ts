import { ERROR_CODES, LIMITS } from '@switchboard/core';
import { Type } from 'typebox';

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.Enum(ERROR_CODES),
      message: Type.String(),
      details: Type.Unknown(),
    }),
  },
  { $id: 'ErrorResponse' },
);

/** Every route documents its error shape; statuses per code are listed in the API guide. */
export const errorResponses = {
  '4xx': { description: 'The request was refused; see error.code.', ...Type.Ref('ErrorResponse') },
};

export const Uuid = Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Uuid }, { additionalProperties: false });

export const NoContent = Type.Null({ description: 'Done; no body.' });

export const bearer = [{ bearer: [] }];

export const Paging = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LIMITS.listPageSize.max })),
  offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
};

/** The largest value of a PostgreSQL `integer` column: integer inputs stored in one stay within it. */
export const INT4_MAX = 2_147_483_647;

export const Competence = Type.Integer({ minimum: LIMITS.competence.min, maximum: LIMITS.competence.max });

export const text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

/** A name: trimmed text with at least one visible character. */
export const name = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '^\\S(.*\\S)?$' });
