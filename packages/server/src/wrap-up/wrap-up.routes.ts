import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, name, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import {
  createCategory,
  createReason,
  deleteCategory,
  deleteReason,
  getCategory,
  listCategories,
  reasonsForContact,
  renameReason,
  updateCategory,
} from './wrap-up.service.ts';

/*
 * Wrap-up categories and their reasons (spec C3). A change applies to contacts created after it; each contact
 * keeps the list in force when it was created (GET /contacts/{id}/wrap-up-reasons).
 */
const tags = ['wrap-up reasons'];
const { wrapUpName, wrapUpCategoriesPerTenant, wrapUpReasonsPerCategory, wrapUpCategoriesPerCsq } = LIMITS;
const Name = { ...name(wrapUpName.max), description: `Up to ${wrapUpName.max} characters.` };
const CsqIds = Type.Array(Uuid, {
  maxItems: LIMITS.listPageSize.max,
  description: `Empty: global (every CSQ). Otherwise the CSQs it applies to, each once; a CSQ has at most ${wrapUpCategoriesPerCsq.max} categories tagged to it (global ones do not count).`,
});
const Reason = Type.Object({ id: Uuid, name: Type.String() });
const Category = Type.Object({
  id: Uuid,
  name: Type.String(),
  global: Type.Boolean({ description: 'Applies in every CSQ; when false, in csqIds only.' }),
  csqIds: Type.Array(Uuid),
  reasons: Type.Array(Reason, { description: 'By name.' }),
});
const WrapUpReason = Type.Object({ id: Uuid, categoryId: Uuid, name: Type.String() });

export function wrapUpRoutes(app: App, { db, clock }: AppContext): void {
  defineRoute(app, {
    method: 'GET',
    url: '/wrap-up-categories',
    permission: 'wrapUp.read',
    tags,
    summary: 'The wrap-up categories in force, each with its reasons, by name',
    response: { 200: Type.Array(Category) },
    handler: (request) => listCategories(db, principalOf(request)),
  });
  defineRoute(app, {
    method: 'POST',
    url: '/wrap-up-categories',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Create a wrap-up category (for contacts created from now on)',
    description: `At most ${wrapUpCategoriesPerTenant.max} per tenant and ${wrapUpCategoriesPerCsq.max} tagged to one CSQ (409 limit_reached); names are unique without regard to case (409 conflict).`,
    body: Type.Object({ name: Name, csqIds: CsqIds }, { additionalProperties: false }),
    response: { 201: Category },
    handler: async (request, reply) =>
      reply.status(201).send(await createCategory(db, principalOf(request), request.body, clock.now())),
  });
  defineRoute(app, {
    method: 'GET',
    url: '/wrap-up-categories/:id',
    permission: 'wrapUp.read',
    tags,
    summary: 'Get a wrap-up category with its reasons',
    params: IdParams,
    response: { 200: Category },
    handler: (request) => getCategory(db, principalOf(request), request.params.id),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/wrap-up-categories/:id',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Rename or retag a wrap-up category (for contacts created from now on)',
    params: IdParams,
    body: Type.Object(
      { name: Type.Optional(Name), csqIds: Type.Optional(CsqIds) },
      { additionalProperties: false, minProperties: 1 },
    ),
    response: { 200: Category },
    handler: (request) =>
      updateCategory(db, principalOf(request), request.params.id, request.body, clock.now()),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/wrap-up-categories/:id',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Delete a wrap-up category and its reasons (contacts created before keep them)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteCategory(db, principalOf(request), request.params.id, clock.now());
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'POST',
    url: '/wrap-up-reasons',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Add a reason to a wrap-up category (for contacts created from now on)',
    description: `At most ${wrapUpReasonsPerCategory.max} per category (409 limit_reached); names are unique in their category without regard to case (409 conflict).`,
    body: Type.Object({ categoryId: Uuid, name: Name }, { additionalProperties: false }),
    response: { 201: WrapUpReason },
    handler: async (request, reply) =>
      reply.status(201).send(await createReason(db, principalOf(request), request.body, clock.now())),
  });
  defineRoute(app, {
    method: 'PATCH',
    url: '/wrap-up-reasons/:id',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Rename a wrap-up reason (for contacts created from now on)',
    params: IdParams,
    body: Type.Object({ name: Name }, { additionalProperties: false }),
    response: { 200: WrapUpReason },
    handler: (request) =>
      renameReason(db, principalOf(request), request.params.id, request.body.name, clock.now()),
  });
  defineRoute(app, {
    method: 'DELETE',
    url: '/wrap-up-reasons/:id',
    permission: 'wrapUp.manage',
    tags,
    summary: 'Delete a wrap-up reason (contacts created before keep it)',
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await deleteReason(db, principalOf(request), request.params.id, clock.now());
      return reply.status(204).send(null);
    },
  });
  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/wrap-up-reasons',
    permission: 'wrapUp.read',
    tags,
    summary:
      'The wrap-up categories and reasons for a contact, as in force when it was created (agents: their own contacts)',
    description: `Global categories and those tagged to the contact's CSQ. When this holds a reason, POST /contacts/{id}/wrap-up accepts only these (up to ${LIMITS.wrapUpReasonsPerContact.max}); when it holds none, any text.`,
    params: IdParams,
    response: { 200: Type.Array(Category) },
    handler: (request) => reasonsForContact(db, principalOf(request), request.params.id),
  });
}
