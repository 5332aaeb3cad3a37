import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { createSkill, deleteSkill, getSkill, listSkills, renameSkill } from './skills.service.ts';

const tags = ['skills'];
const Skill = Type.Object({ id: Uuid, name: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
const SkillBody = Type.Object({ name: name(LIMITS.skillName.max) }, { additionalProperties: false });

export function skillRoutes(app: App, { db }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/skills',
    permission: 'skill.read',
    tags,
    summary: 'List skills',
    response: { 200: Type.Array(Skill) },
    handler: (request) => listSkills(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/skills',
    permission: 'skill.manage',
    tags,
    summary: 'Create a skill',
    body: SkillBody,
    response: { 201: Skill },
    handler: async (request, reply) =>
      reply.status(201).send(await createSkill(db, principalOf(request), request.body)),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/skills/:id',
    permission: 'skill.read',
    tags,
    summary: 'Get a skill',
    params: IdParams,
    response: { 200: Skill },
    handler: (request) => getSkill(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/skills/:id',
    permission: 'skill.manage',
    tags,
    summary: 'Rename a skill',
    params: IdParams,
    body: SkillBody,
    response: { 200: Skill },
    handler: (request) => renameSkill(db, principalOf(request), request.params.id, request.body),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/skills/:id',
    permission: 'skill.manage',
    tags,
    summary: 'Delete a skill (agents lose it)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteSkill(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
