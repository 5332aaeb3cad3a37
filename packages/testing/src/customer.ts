import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { WIDGET_TEXTS } from './chat-center.ts';
import { consoleError } from './harness.ts';

/**
 * A customer's website: a tiny server on `localhost` (another origin than the server's `127.0.0.1`, and another
 * port) whose page embeds the widget with the snippet an administrator copies.
 */
export async function customerSite(serverUrl: string): Promise<{ url: string; close: () => Promise<void> }> {
  const site = createServer((request, response) => {
    const widgetId = new URL(request.url ?? '/', 'http://site').searchParams.get('widget') ?? '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme — Help</title>
<style>body { font: 16px/1.5 Georgia, serif; margin: 40px; color: #222; }</style></head>
<body><h1>Acme</h1><p>Questions about your bill? Our team is one click away.</p>
<script src="${serverUrl}/widget.js" data-widget="${widgetId.replace(/[^0-9a-f-]/g, '')}" async></script>
</body></html>`);
  });
  await new Promise<void>((resolve) => site.listen(0, 'localhost', resolve));
  return {
    url: `http://localhost:${(site.address() as AddressInfo).port}/`,
    close: () => new Promise((resolve) => site.close(() => resolve())),
  };
}

/**
 * The widget attaches a closed shadow root (its own browser test checks that); here it is opened, so that
 * Playwright's locators, which pierce open roots, reach the widget as a customer's eyes and keyboard do.
 */
const OPEN_SHADOW_ROOTS = `{
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: 'open' });
  };
}`;

/** A customer in their own browser context on the website, with the page's errors and any dialog recorded. */
export class Customer {
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[] = [];
  readonly dialogs: string[] = [];

  private constructor(context: BrowserContext, page: Page) {
    this.context = context;
    this.page = page;
    page.on('pageerror', (error) => this.errors.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') this.errors.push(consoleError(message));
    });
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }

  static async visit(browser: Browser, siteUrl: string, widgetId: string): Promise<Customer> {
    const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
    await context.addInitScript(OPEN_SHADOW_ROOTS);
    const customer = new Customer(context, await context.newPage());
    await customer.page.goto(`${siteUrl}?widget=${widgetId}`);
    await customer.launcher.waitFor();
    return customer;
  }

  get widget(): Locator {
    return this.page.locator('[data-switchboard-chat]');
  }
  get launcher(): Locator {
    return this.widget.getByRole('button', { name: WIDGET_TEXTS.launcher });
  }
  get box(): Locator {
    return this.widget.getByRole('textbox', { name: 'Type your message' });
  }
  /** The chat's lines as shown: `who: text` (who is the alias for an agent, `me` or `system`). */
  async log(): Promise<string[]> {
    return this.widget.locator('.log li').evaluateAll((items) =>
      items.map((li) => {
        const who = li.classList.contains('agent')
          ? li.querySelector('.who')?.textContent
          : li.classList.contains('customer')
            ? 'me'
            : 'system';
        return `${who}: ${li.querySelector('.bubble')?.textContent ?? ''}`;
      }),
    );
  }
  /** Waits until a line from `who` with exactly `text` is shown. */
  async sees(who: string, text: string): Promise<void> {
    const item = who === 'me' ? '.msg.customer' : who === 'system' ? '.msg.system' : '.msg.agent';
    await this.widget
      .locator(item)
      .filter({ has: this.page.getByText(text, { exact: true }) })
      .waitFor();
  }

  /** Opens the widget, fills the form and starts the chat; answers the chat's id and the start's request body. */
  async startChat(name: string): Promise<{ chatId: string; clientId: string }> {
    await this.launcher.click();
    await this.widget.getByLabel(/^Name/).fill(name);
    const started = this.page.waitForResponse(
      (r) => /\/public\/widgets\/[^/]+\/chats$/.test(r.url()) && r.request().method() === 'POST',
    );
    await this.widget.getByRole('button', { name: 'Start chat' }).click();
    const response = await started;
    const { chatId } = (await response.json()) as { chatId: string };
    const { clientId } = response.request().postDataJSON() as { clientId: string };
    await this.box.waitFor();
    return { chatId, clientId };
  }

  /** Types and sends with Enter, as a customer does; waits until the server has the message. */
  async send(text: string): Promise<void> {
    await this.box.fill(text);
    await this.box.press('Enter');
    await this.widget
      .locator('.msg.customer:not(.pending)')
      .filter({ has: this.page.getByText(text, { exact: true }) })
      .waitFor();
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
