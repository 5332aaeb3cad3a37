/**
 * The chat widget in a real browser (Debian's Chromium driven by playwright-core): a customer's website on
 * another origin embeds /widget.js from a real `switchboard start`, with CSS that tries to restyle and hide
 * everything. The configuration and service hours come from the real server; the chat session's endpoints are
 * played by the test (page.route and routeWebSocket, following docs/chat.md), as the server side of chat
 * sessions is built separately.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import {
  ADMIN_PASSWORD,
  ApiClient,
  buildWidget,
  chromiumForTests,
  launchBrowser,
  ServerProcess,
  screenshot,
} from '@switchboard/testing';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';

const availability = chromiumForTests();
const WIDGET = fileURLToPath(new URL('../..', import.meta.url));
/** The bundle budget: the script loads on every page of a customer's website. */
const MAX_GZIP_BYTES = 50 * 1024;

/** A page of a customer's website whose styles would wreck any widget they reached. */
const hostilePage = (server: string, widgetId: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>
  body { font: 40px/5 "Comic Sans MS", cursive; letter-spacing: 8px; color: red; }
  * { color: red !important; font-family: "Comic Sans MS" !important; }
  div, section, button { display: none !important; background: lime !important; }
  button { border: 9px solid magenta !important; }
</style></head>
<body><a href="#top" id="first-link">Our products</a>
<script src="${server}/widget.js" data-widget="${widgetId}" async></script>
</body></html>`;

/** Records every shadow root, as the page could: the widget's is closed, so `host.shadowRoot` is null. */
const RECORD_SHADOW_ROOTS = () => {
  const attach = Element.prototype.attachShadow;
  (window as unknown as { roots: ShadowRoot[] }).roots = [];
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    (window as unknown as { roots: ShadowRoot[] }).roots.push(root);
    return root;
  };
};

/** Runs in the page: the widget's element matching `selector`, in its shadow root. */
const inWidget = <T>(page: Page, fn: (root: ShadowRoot) => T) =>
  page.evaluate(`(${fn.toString()})(window.roots[0])`) as Promise<Awaited<T>>;
const activeIn = (page: Page) =>
  inWidget(page, (root) => {
    const a = root.activeElement as HTMLElement | null;
    return a ? `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}:${a.textContent?.trim() ?? ''}` : null;
  });

/** Retries an assertion about something the browser sends on its own time, for up to 5 s. */
async function eventually(check: () => void): Promise<void> {
  for (let waited = 0; ; waited += 50) {
    try {
      return check();
    } catch (error) {
      if (waited >= 5000) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

describe('chat widget in a real browser', {
  skip: availability.available ? false : availability.reason,
}, () => {
  let server: ServerProcess;
  let website: Server;
  let websiteUrl: string;
  let browser: Browser;
  let open: { id: string };
  let closed: { id: string };

  before(async () => {
    await buildWidget();
    server = await ServerProcess.create();
    const api = await ApiClient.signIn(server.url, 'demo', 'admin', ADMIN_PASSWORD);
    const csq = await api.request<{ id: string }>('POST', '/csqs', {
      name: 'Web chat',
      channel: 'chat',
      criterion: 'longest_available',
      skills: [],
    });
    // Never open: custom hours with none at all.
    const never = await api.request<{ id: string }>('POST', '/calendars', {
      name: 'Closed',
      timeZone: 'Europe/Paris',
      mode: 'custom',
      weekly: {},
    });
    const settings = {
      branding: {
        titleText: 'Acme help',
        buttonText: 'Chat now',
        buttonColor: '#123456',
        fontFamily: 'Georgia',
      },
      fields: { name: 'required', email: 'optional', custom: [{ label: 'Order number', required: false }] },
      serviceHours: { offHoursMessage: 'We are closed. Come back at nine.', dayLabels: { monday: 'Lundi' } },
      problemStatements: [
        { label: 'Billing', csqId: csq.id },
        { label: 'Delivery', csqId: csq.id },
      ],
    };
    open = await api.request('POST', '/chat-widgets', { name: 'Open', ...settings });
    closed = await api.request('POST', '/chat-widgets', {
      name: 'Closed',
      ...settings,
      serviceHours: { ...settings.serviceHours, calendarId: never.id },
    });
    website = createServer((request, response) => {
      const id = new URL(request.url ?? '/', 'http://x').searchParams.get('widget') ?? '';
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(hostilePage(server.url, id));
    });
    await new Promise<void>((resolve) => website.listen(0, 'localhost', resolve));
    // Another origin than the server's (localhost vs 127.0.0.1, another port): the widget calls across origins.
    websiteUrl = `http://localhost:${(website.address() as AddressInfo).port}/`;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await new Promise((resolve) => website?.close(resolve));
    await server?.destroy();
  });

  async function visit(widgetId: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript(RECORD_SHADOW_ROOTS);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${websiteUrl}?widget=${widgetId}`);
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelector('.launcher'),
    );
    return { context, page, errors };
  }

  test(`the script is one file under ${MAX_GZIP_BYTES / 1024} KB gzipped`, async (t) => {
    const script = await readFile(join(WIDGET, 'dist', 'widget.js'));
    const gzipped = gzipSync(script, { level: 9 }).length;
    t.diagnostic(`widget.js: ${script.length} bytes, ${gzipped} bytes gzipped`);
    assert.ok(gzipped < MAX_GZIP_BYTES, `${gzipped} bytes gzipped`);
  });

  test('an open widget: launcher, title and form, untouched by the page styles, in a closed shadow root', async () => {
    const { context, page, errors } = await visit(open.id);
    assert.equal(
      await page.evaluate(() => document.querySelector('[data-switchboard-chat]')?.shadowRoot),
      null,
    );
    const launcher = await inWidget(page, (root) => {
      const button = root.querySelector('.launcher') as HTMLElement;
      const style = getComputedStyle(button);
      const box = button.getBoundingClientRect();
      return {
        text: button.textContent,
        background: style.backgroundColor,
        color: style.color,
        font: style.fontFamily,
        letterSpacing: style.letterSpacing,
        border: style.borderTopWidth,
        visible: box.width > 0 && box.height > 0 && style.display !== 'none',
        expanded: button.getAttribute('aria-expanded'),
      };
    });
    assert.deepEqual(launcher, {
      text: 'Chat now',
      background: 'rgb(18, 52, 86)',
      color: 'rgb(255, 255, 255)',
      font: 'Georgia',
      letterSpacing: 'normal',
      border: '1px',
      visible: true,
      expanded: 'false',
    });
    const hostPosition = await page.evaluate(() => {
      const host = document.querySelector('[data-switchboard-chat]') as HTMLElement;
      return [getComputedStyle(host).display, getComputedStyle(host).position];
    });
    assert.deepEqual(hostPosition, ['block', 'fixed'], "the page's `div { display: none !important }` loses");

    // Keyboard only: Tab from the page's link reaches the launcher; Enter opens; focus moves into the form.
    await page.focus('#first-link');
    await page.keyboard.press('Tab');
    assert.equal(await activeIn(page), 'button:Chat now');
    await page.keyboard.press('Enter');
    assert.match((await activeIn(page)) ?? '', /^input#sb-field-1/);
    const form = await inWidget(page, (root) => ({
      title: root.querySelector('#sb-title')?.textContent,
      labels: [...root.querySelectorAll('form.start label')].map((l) => {
        const control = root.getElementById(l.getAttribute('for') ?? '');
        return `${l.textContent}${control ? ` → ${control.tagName.toLowerCase()}` : ''}`;
      }),
      options: [...root.querySelectorAll('option')].map((o) => o.textContent),
      dialog: root.querySelector('[role="dialog"]')?.getAttribute('aria-labelledby'),
    }));
    assert.deepEqual(form, {
      title: 'Acme help',
      labels: [
        'Name (required) → input',
        'Email → input',
        'Order number → input',
        'How can we help? (required) → select',
      ],
      options: ['Billing', 'Delivery'],
      dialog: 'sb-title',
    });
    await screenshot(page, 'widget-form');

    // Sending the form empty: the error sits under the name, which takes focus.
    await inWidget(page, (root) =>
      (root.querySelector('form.start button[type="submit"]') as HTMLElement).click(),
    );
    const invalid = await inWidget(page, (root) => {
      const input = root.querySelector('#sb-field-1') as HTMLInputElement;
      const error = root.getElementById(input.getAttribute('aria-describedby') ?? '');
      return [input.getAttribute('aria-invalid'), error?.textContent, root.activeElement === input];
    });
    assert.deepEqual(invalid, ['true', '(required)', true]);

    // Escape closes the panel and returns to the launcher.
    await page.keyboard.press('Escape');
    assert.equal(await activeIn(page), 'button:Chat now');
    assert.equal(await inWidget(page, (root) => (root.querySelector('.panel') as HTMLElement).hidden), true);
    // The visible focus ring.
    const ring = await inWidget(
      page,
      (root) => getComputedStyle(root.querySelector('.launcher') as Element).outlineStyle,
    );
    assert.equal(ring, 'solid');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a closed widget shows its off-hours message and hours, and no form', async () => {
    const { context, page, errors } = await visit(closed.id);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const shown = await inWidget(page, (root) => ({
      notice: root.querySelector('.notice')?.textContent,
      inputs: root.querySelectorAll('input, select, textarea').length,
      firstDay: [...(root.querySelector('.hours tr')?.children ?? [])].map((c) => c.textContent),
      zone: root.querySelector('.hours .muted')?.textContent,
    }));
    assert.deepEqual(shown, {
      notice: 'We are closed. Come back at nine.',
      inputs: 0,
      firstDay: ['Lundi', 'Closed'],
      zone: 'Europe/Paris',
    });
    await screenshot(page, 'widget-closed');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test('a chat: messages as text only, typing, sending with an id, the end with its confirmation, the rating, a reload', async () => {
    const { context, page, errors } = await visit(open.id);
    const posted: { url: string; body: unknown; auth: string | undefined }[] = [];
    let seq = 2;
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'content-type, authorization',
    };
    await page.route(/\/api\/v1\/public\/(widgets\/[^/]+\/chats|chats\/.+)$/, async (route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      posted.push({
        url: request.url(),
        body: request.postDataJSON(),
        auth: request.headers().authorization,
      });
      const url = request.url();
      if (url.endsWith('/chats'))
        return route.fulfill({ status: 201, headers: cors, json: { chatId: 'chat-1', token: 'tok' } });
      if (url.endsWith('/messages'))
        return route.fulfill({ status: 201, headers: cors, json: { seq: ++seq } });
      if (url.endsWith('/stream-tickets'))
        return route.fulfill({
          status: 201,
          headers: cors,
          json: { ticket: `tk-${posted.length}`, expiresIn: 30 },
        });
      return route.fulfill({ status: 204, headers: cors });
    });
    const sockets: { url: string; ws: WebSocketRoute; sent: unknown[] }[] = [];
    await page.routeWebSocket(/\/api\/v1\/public\/chats\/chat-1\/stream/, (ws) => {
      const socket = { url: ws.url(), ws, sent: [] as unknown[] };
      sockets.push(socket);
      ws.onMessage((message) => socket.sent.push(JSON.parse(String(message))));
      const after = Number(new URL(ws.url()).searchParams.get('after'));
      ws.send(
        JSON.stringify({ type: 'hello', status: after ? 'active' : 'queued', alias: after ? 'Sam' : null }),
      );
      if (after) return;
      ws.send(JSON.stringify({ type: 'agent_joined', alias: 'Sam' }));
      const evil = '<img src=x onerror="document.title=\'owned\'"> Hello!';
      ws.send(JSON.stringify({ type: 'message', seq: 1, from: 'agent', alias: 'Sam', text: evil, at: '' }));
      ws.send(JSON.stringify({ type: 'typing', typing: true }));
    });

    await inWidget(page, (root) => (root.querySelector('.launcher') as HTMLElement).click());
    await page.keyboard.type('Ada <b>Lovelace</b>');
    await inWidget(page, (root) =>
      (root.querySelector('form.start button[type="submit"]') as HTMLElement).click(),
    );
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]
        ?.querySelector('.typing')
        ?.textContent?.includes('Sam'),
    );
    const { problemStatementId, fields } = posted[0]!.body as { problemStatementId: string; fields: unknown };
    assert.match(problemStatementId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(fields, { name: 'Ada <b>Lovelace</b>' });
    const chat = await inWidget(page, (root) => ({
      log: [...root.querySelectorAll('.log li')].map((li) => li.textContent),
      images: root.querySelectorAll('img').length,
      live: root.querySelector('.log')?.getAttribute('aria-live'),
      typing: root.querySelector('.typing')?.textContent,
      focus: root.activeElement?.id,
      placeholder: root.querySelector('textarea')?.getAttribute('placeholder'),
    }));
    assert.deepEqual(chat, {
      log: [
        'Thanks for waiting: the next available agent will be with you shortly.',
        'Sam has joined the chat.',
        `Sam<img src=x onerror="document.title='owned'"> Hello!`,
      ],
      images: 0,
      live: 'polite',
      typing: 'Sam is typing…',
      focus: 'sb-text',
      placeholder: 'Type your message',
    });
    assert.notEqual(await page.title(), 'owned');

    await page.keyboard.type('My parcel <script>alert(1)</script>');
    await eventually(() => assert.deepEqual(sockets[0]?.sent, [{ type: 'typing', typing: true }]));
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelector('.msg.customer:not(.pending)'),
    );
    const message = posted.find((p) => p.url.endsWith('/messages'))!;
    assert.equal(message.auth, 'Chat tok');
    assert.match((message.body as { clientId: string }).clientId, /^[0-9a-f-]{36}$/);
    assert.equal((message.body as { text: string }).text, 'My parcel <script>alert(1)</script>');
    await screenshot(page, 'widget-chat');

    // A reload resumes: the log comes back, and the stream resubscribes after the last message seen.
    const beforeReload = sockets.length;
    await page.reload();
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelector('.launcher'),
    );
    await inWidget(page, (root) => (root.querySelector('.launcher') as HTMLElement).click());
    await page.waitForFunction(
      () => (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelectorAll('.log li').length === 4,
    );
    // The log is back from storage at once; the stream opens after its ticket comes.
    await eventually(() => assert.ok(sockets.length > beforeReload));
    assert.match(sockets.at(-1)?.url ?? '', /\?ticket=tk-\d+&after=1$/);
    assert.ok(!sockets.some((socket) => socket.url.includes('tok&') || socket.url.includes('token')));
    const ticketCalls = posted.filter((p) => p.url.endsWith('/chat-1/stream-tickets'));
    assert.equal(ticketCalls.length, sockets.length, 'a new ticket for every connection');
    assert.ok(ticketCalls.every((call) => call.auth === 'Chat tok'));

    // Ending asks first; focus goes to the safe answer, Escape takes the question back.
    await inWidget(page, (root) => (root.querySelector('.actions button:last-child') as HTMLElement).click());
    const asked = await inWidget(page, (root) => [
      root.querySelector('.confirm p')?.textContent,
      root.activeElement?.textContent,
    ]);
    assert.deepEqual(asked, ['Do you want to end this chat?', 'No']);
    await page.keyboard.press('Escape');
    assert.equal(await activeIn(page), 'button:End chat');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter'); // Yes
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelector(
        '.after:not([hidden]) .rating:not([hidden])',
      ),
    );
    assert.ok(posted.some((p) => p.url.endsWith('/chats/chat-1/end')));
    assert.equal(await activeIn(page), 'input:');
    await page.keyboard.press('ArrowRight'); // 2 of 5
    await page.keyboard.press('ArrowRight'); // 3 of 5
    await inWidget(page, (root) => (root.querySelector('.rating button') as HTMLElement).click());
    await page.waitForFunction(() =>
      (window as unknown as { roots: ShadowRoot[] }).roots[0]?.querySelector('.rating[hidden]'),
    );
    assert.deepEqual(posted.find((p) => p.url.endsWith('/rating'))?.body, { rating: 3 });
    // The sent rating is thanked for in a status region (announced), and focus moves on to a new chat.
    const thanked = await inWidget(page, (root) => {
      const thanks = root.querySelector('.thanks') as HTMLElement | null;
      return {
        text: thanks?.textContent,
        role: thanks?.getAttribute('role'),
        shown: Boolean(thanks && thanks.offsetHeight > 0 && !thanks.closest('[hidden]')),
      };
    });
    assert.deepEqual(thanked, { text: 'Thank you for your feedback.', role: 'status', shown: true });
    assert.equal(await activeIn(page), 'button:Start a new chat');
    await screenshot(page, 'widget-ended');
    assert.deepEqual(errors, []);
    await context.close();
  });
});
