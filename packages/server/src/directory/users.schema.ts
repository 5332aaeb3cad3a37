import { LIMITS, ROLES } from '@switchboard/core';
import { Type } from 'typebox';
import { Competence, name, Paging, Uuid } from '../http/common.schema.ts';

export const Role = Type.Enum(ROLES);

export const AgentSkill = Type.Object(
  { skillId: Uuid, competence: Competence },
  { additionalProperties: false },
);
export const AgentSkills = Type.Array(AgentSkill, { maxItems: LIMITS.skillsPerAgent.max });

const Alias = Type.String({
  minLength: 1,
  maxLength: LIMITS.agentAlias.max,
  pattern: LIMITS.agentAlias.pattern,
});
const Extension = Type.String({
  minLength: 1,
  maxLength: LIMITS.extension.max,
  pattern: LIMITS.extension.pattern,
});
const Username = Type.String({
  minLength: LIMITS.username.min,
  maxLength: LIMITS.username.max,
  pattern: LIMITS.username.pattern,
});

export const User = Type.Object({
  id: Uuid,
  username: Type.String({ description: 'The agent ID: unique in the tenant, used to sign in.' }),
  displayName: Type.String(),
  role: Role,
  alias: Type.Union([Type.String(), Type.Null()], {
    description: 'Name shown to customers; spaces allowed.',
  }),
  shownName: Type.String({ description: 'The alias, or the agent ID where no alias is set.' }),
  extension: Type.Union([Type.String(), Type.Null()]),
  teamId: Type.Union([Uuid, Type.Null()]),
  skills: Type.Array(Type.Object({ skillId: Uuid, competence: Type.Integer() })),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});

export const NewUserBody = Type.Object(
  {
    username: Username,
    displayName: name(LIMITS.displayName.max),
    role: Role,
    password: Type.Optional(
      Type.String({
        minLength: LIMITS.password.min,
        maxLength: LIMITS.password.max,
        description:
          'Required when an administrator creates a person; left out for service users, and by API keys, which may not set passwords (the person signs in once an administrator sets one).',
      }),
    ),
    alias: Type.Optional(Type.Union([Alias, Type.Null()])),
    extension: Type.Optional(Type.Union([Extension, Type.Null()])),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    skills: Type.Optional(AgentSkills),
  },
  { additionalProperties: false },
);

export const UserChangeBody = Type.Object(
  {
    displayName: Type.Optional(name(LIMITS.displayName.max)),
    role: Type.Optional(Role),
    alias: Type.Optional(Type.Union([Alias, Type.Null()])),
    extension: Type.Optional(Type.Union([Extension, Type.Null()])),
    teamId: Type.Optional(Type.Union([Uuid, Type.Null()])),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const UserListQuery = Type.Object(
  { role: Type.Optional(Role), teamId: Type.Optional(Uuid), ...Paging },
  { additionalProperties: false },
);
