import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorResponse } from './common.schema.ts';

/** OpenAPI 3 generated from the route schemas that also validate requests; served as JSON and browsable. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorResponse);
  await app.register(swagger, {
    // Shared schemas keep their $id as their component's name, so clients generated from the document name them too.
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Switchboard API',
        version: '1',
        description:
          'Contact center and workforce management API. Errors are `{"error":{"code","message","details"}}`; ' +
          'sign in with POST /api/v1/auth/login, or use a service user API key, as `Authorization: Bearer …`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          chatSecret: {
            type: 'apiKey',
            in: 'header',
            name: 'Authorization',
            description: "A web chat's customer side: `Chat <token>` with the token from starting the chat.",
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
