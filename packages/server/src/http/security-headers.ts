import helmet from '@fastify/helmet';
import type { App } from './app-types.ts';

/** Loaded by customers' websites, which are other origins: a same-origin resource policy would block them. */
const CROSS_ORIGIN_PATHS = ['/widget.js', '/api/v1/public/'];

/**
 * Security headers on every response. One policy serves the desktop, the API docs and the demo page: scripts
 * only from this origin and never inline; styles may be inline because the widget styles its shadow root with
 * a `<style>` element and React sets style attributes. No page may be framed. No HSTS: TLS ends at the proxy
 * in front, which sets it (docs/operations.md).
 */
export async function registerSecurityHeaders(app: App): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        // A call recording is fetched with the caller's token and played from a blob URL.
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  app.addHook('onRequest', async (request, reply) => {
    if (CROSS_ORIGIN_PATHS.some((path) => request.url.startsWith(path))) {
      void reply.header('cross-origin-resource-policy', 'cross-origin');
    }
  });
}
