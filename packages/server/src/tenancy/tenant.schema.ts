import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import { NewUserBody } from '../directory/users.schema.ts';
import { name, text } from '../http/common.schema.ts';

export const NewTenantBody = Type.Object(
  {
    name: Type.String({
      minLength: LIMITS.tenantName.min,
      maxLength: LIMITS.tenantName.max,
      pattern: LIMITS.tenantName.pattern,
      description: 'Lower-case letters, digits and dashes; used to sign in.',
    }),
    displayName: name(LIMITS.displayName.max),
    admin: Type.Object(
      {
        username: NewUserBody.properties.username,
        password: text(LIMITS.password.max, LIMITS.password.min),
        displayName: Type.Optional(name(LIMITS.displayName.max)),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
);
