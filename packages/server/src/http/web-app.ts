import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from './app-types.ts';

/**
 * Serves the built desktop (packages/web/dist): the build's `.br`/`.gz` copies when the browser accepts them
 * (`scripts/precompress.ts` writes them), hashed assets cached for good, index.html never, and any
 * other GET outside /api that asks for HTML gets index.html so that deep links (/team, /admin/users) work.
 * Returns the fallback for the not-found handler, or null when there is no build to serve.
 */
export async function registerWebApp(
  app: App,
  root: string | undefined,
): Promise<((request: FastifyRequest, reply: FastifyReply) => boolean) | null> {
  if (!root || !existsSync(join(root, 'index.html'))) return null;
  await app.register(fastifyStatic, {
    root,
    index: ['index.html'],
    preCompressed: true,
    // Source maps would hand out the desktop's sources; a build left from before they were turned off keeps them.
    allowedPath: (path) => !/\.map(?:\.br|\.gz)?$/.test(path),
    setHeaders: (response, path) => {
      // Judged inside the build: the folder it is installed in may well be called "assets" too.
      const hashed = relative(root, path).split(sep)[0] === 'assets';
      response.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const wantsPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api') &&
      (request.headers.accept ?? '').includes('text/html');
    if (wantsPage) void reply.header('cache-control', 'no-cache').sendFile('index.html');
    return wantsPage;
  };
}
