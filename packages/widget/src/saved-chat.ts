import type { ChatStatus, KeyValueStore, LogEntry } from './session-types.ts';

/** What session storage keeps between page loads, so that a reload resumes the chat. */
export interface SavedChat {
  chatId: string;
  token: string;
  lastSeq: number;
  status: ChatStatus | null;
  alias: string | null;
  log: LogEntry[];
  outbox: OutboxMessage[];
  waitShown: boolean;
  rated: boolean;
}

export interface OutboxMessage {
  clientId: string;
  text: string;
}

export const newSavedChat = (chatId: string, token: string): SavedChat => ({
  chatId,
  token,
  lastSeq: 0,
  status: 'queued',
  alias: null,
  log: [],
  outbox: [],
  waitShown: false,
  rated: false,
});

/** One widget's chat in the store, under a key of its own. */
export class ChatStorage {
  #store: KeyValueStore;
  #key: string;

  constructor(store: KeyValueStore, widgetId: string) {
    this.#store = store;
    this.#key = `switchboard.chat.${widgetId}`;
  }

  /** The chat kept before a reload; null when there is none (an unreadable one is dropped). */
  load(): SavedChat | null {
    const text = this.#store.get(this.#key);
    if (!text) return null;
    try {
      return JSON.parse(text) as SavedChat;
    } catch {
      this.#store.remove(this.#key);
      return null;
    }
  }

  save(saved: SavedChat): void {
    try {
      this.#store.set(this.#key, JSON.stringify(saved));
    } catch {
      // Storage full or refused (private mode): the chat goes on, it just will not survive a reload.
    }
  }

  remove(): void {
    this.#store.remove(this.#key);
  }
}
