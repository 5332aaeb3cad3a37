import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../db/database.ts';
import { tenantsRepository } from '../db/repositories/index.ts';
import type { App } from '../http/app-types.ts';
import { chooseEncoding, compressBody } from '../http/encoding.ts';
import { DEMO_WIDGET } from '../tenancy/demo-seed.ts';
import { chatWidgetsRepository } from './chat-widgets.repository.ts';

/**
 * Serves the embeddable widget at `/widget.js` (packages/widget/dist/widget.js, read and compressed once at
 * start; Brotli or gzip when the browser accepts it) and, for
 * the demo, `/demo/chat`: a fictional company's page that embeds the demo tenant's widget.
 */
export function registerWidgetAssets(
  app: App,
  options: { db: Db; widgetScript?: string | undefined; demoPage?: boolean | undefined },
): void {
  const { widgetScript } = options;
  if (widgetScript && existsSync(widgetScript)) {
    const script = compressBody(readFileSync(widgetScript));
    app.get('/widget.js', { schema: { hide: true } }, (request, reply) => {
      const encoding = chooseEncoding(request.headers['accept-encoding']);
      if (encoding) void reply.header('content-encoding', encoding);
      return reply
        .header('content-type', 'text/javascript; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'accept-encoding')
        .header('x-content-type-options', 'nosniff')
        .send(encoding ? script[encoding] : script.identity);
    });
  }
  if (options.demoPage) {
    app.get('/demo/chat', { schema: { hide: true } }, async (_request, reply) => {
      const tenant = await tenantsRepository.findByName(options.db, DEMO_WIDGET.tenant);
      const widget =
        tenant && (await chatWidgetsRepository.findByName(options.db, tenant.id, DEMO_WIDGET.name));
      void reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8');
      if (!widget) return reply.status(404).send(demoPage(null));
      return reply.send(demoPage(widget.id));
    });
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page of a made-up company, with the embed snippet exactly as an administrator copies it. */
function demoPage(widgetId: string | null): string {
  const snippet = widgetId
    ? `<script src="/widget.js" data-widget="${escapeHtml(widgetId)}" async></script>`
    : '<p><strong>There is no demo widget:</strong> the demo tenant is created on the first start of an empty database.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Brightwater Energy — Help</title>
<style>
  body { margin: 0; font: 17px/1.6 Georgia, serif; color: #222; background: #faf7f2; }
  header { background: #0b3d2e; color: #fff; padding: 20px 40px; }
  header h1 { margin: 0; font-size: 26px; }
  main { max-width: 760px; margin: 0 auto; padding: 30px 40px 120px; }
  h2 { color: #0b3d2e; }
</style>
</head>
<body>
<header><h1>Brightwater Energy</h1></header>
<main>
  <h2>Help and support</h2>
  <p>Questions about a bill, a meter reading or moving home? Chat with our team: the button at the bottom
  right of this page opens the chat, day and night.</p>
  <h2>Common questions</h2>
  <p>How do I read my meter? When is my bill due? How do I switch to a green tariff?</p>
  <p style="font-size:14px;color:#666">This page is a demonstration of Switchboard's chat widget.</p>
</main>
${snippet}
</body>
</html>
`;
}
