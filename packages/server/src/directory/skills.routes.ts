import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { bearer, errorResponses, IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { createSkill, deleteSkill, getSkill, listSkills, renameSkill } from './skills.service.ts';

const tags = ['skills'];
const Skill = Type.Object({ id: Uuid, name: Type.String(), createdAt: Type.String({ format: 'date-time' }) });
const SkillBody = Type.Object({ name: name(LIMITS.skillName.max) }, { additionalProperties: false });

export function skillRoutes(app: App, { db }: AppContext): void {
  app.get(
    '/skills',
    {
      schema: {
        tags,
        summary: 'List skills',
        security: bearer,
        response: { 200: Type.Array(Skill), ...errorResponses },
      },
    },
    (request) => listSkills(db, principalOf(request)),
  );
  app.post(
    '/skills',
    {
      schema: {
        tags,
        summary: 'Create a skill',
        security: bearer,
        body: SkillBody,
        response: { 201: Skill, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createSkill(db, principalOf(request), request.body)),
  );
  app.get(
    '/skills/:id',
    {
      schema: {
        tags,
        summary: 'Get a skill',
        security: bearer,
        params: IdParams,
        response: { 200: Skill, ...errorResponses },
      },
    },
    (request) => getSkill(db, principalOf(request), request.params.id),
  );
  app.patch(
    '/skills/:id',
    {
      schema: {
        tags,
        summary: 'Rename a skill',
        security: bearer,
        params: IdParams,
        body: SkillBody,
        response: { 200: Skill, ...errorResponses },
      },
    },
    (request) => renameSkill(db, principalOf(request), request.params.id, request.body),
  );
  app.delete(
    '/skills/:id',
    {
      schema: {
        tags,
        summary: 'Delete a skill (agents lose it)',
        security: bearer,
        params: IdParams,
        response: { 204: NoContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteSkill(db, principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
