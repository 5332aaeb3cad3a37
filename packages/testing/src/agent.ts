import type { Browser, Locator, Page } from 'playwright-core';
import type { ChatAgent } from './chat-center.ts';
import { desk, signIn } from './harness.ts';

/** An agent at the desktop, signed in, with the page's errors and any dialog recorded. */
export class AgentDesk {
  readonly page: Page;
  readonly errors: string[];
  readonly dialogs: string[] = [];

  private constructor(page: Page, errors: string[]) {
    this.page = page;
    this.errors = errors;
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }

  static async signIn(browser: Browser, serverUrl: string, agent: ChatAgent): Promise<AgentDesk> {
    const { page, errors } = await desk(browser, serverUrl);
    await signIn(page, agent.username, agent.password);
    return new AgentDesk(page, errors);
  }

  get digitalState(): Locator {
    return this.page.getByTestId('state-digital');
  }

  /** Goes Ready for chat and email (an offer waiting in the queue may make it Reserved at once). */
  async ready(): Promise<void> {
    const changed = this.page.waitForResponse(
      (r) => /\/agents\/[^/]+\/state$/.test(r.url()) && r.request().method() === 'PUT',
    );
    await this.page
      .getByRole('region', { name: 'Chat & email' })
      .getByRole('button', { name: 'Ready', exact: true })
      .click();
    if (!(await changed).ok()) throw new Error('the agent could not go Ready');
  }

  /** The contact's card: the offer in the list, or the chat's card in its tab (not its line in Recent). */
  card(chatId: string): Locator {
    return this.page.locator(`.contact-card[data-contact-id="${chatId}"]`);
  }
  tab(chatId: string): Locator {
    return this.page.locator(`#chat-tab-${chatId}`);
  }
  composer(chatId: string): Locator {
    return this.page.locator(`textarea[data-composer="${chatId}"]`);
  }
  /** The lines of a chat's conversation whose text is exactly `text`. */
  line(chatId: string, text: string): Locator {
    return this.page
      .locator(`#chat-panel-${chatId} .chat-line`)
      .filter({ has: this.page.locator('.chat-text').getByText(text, { exact: true }) });
  }

  async accept(chatId: string): Promise<void> {
    const card = this.card(chatId);
    await card.getByText('Offered to you').waitFor();
    await card.getByRole('button', { name: 'Accept' }).click();
    await this.tab(chatId).and(this.page.locator('[aria-selected="true"]')).waitFor();
  }

  /** Writes to the customer and sends with Enter; waits until the line is in the conversation. */
  async say(chatId: string, text: string): Promise<void> {
    await this.composer(chatId).fill(text);
    await this.composer(chatId).press('Enter');
    await this.line(chatId, text).waitFor();
  }
}
