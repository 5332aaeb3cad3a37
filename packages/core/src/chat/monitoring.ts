/**
 * Who watches which chats (spec C6 coaching), for one process: supervisors silently monitoring a chat, and
 * those of them who barged in and so write to the customer. Barging in implies monitoring, and stopping to
 * monitor leaves the chat too: a supervisor never writes in a chat they no longer read. A chat's watchers are
 * forgotten when it ends.
 */
export class ChatMonitors {
  readonly #watching = new Map<string, Set<string>>();
  readonly #barged = new Map<string, Set<string>>();

  /** Starts monitoring; answers false when the supervisor was monitoring already. */
  watch(chatId: string, userId: string): boolean {
    const set = this.#watching.get(chatId) ?? new Set<string>();
    this.#watching.set(chatId, set);
    if (set.has(userId)) return false;
    set.add(userId);
    return true;
  }

  /** Stops monitoring, and leaves the chat if barged in; answers whether they had barged in. */
  unwatch(chatId: string, userId: string): boolean {
    const left = this.leave(chatId, userId);
    drop(this.#watching, chatId, userId);
    return left;
  }

  /** Joins the chat (monitoring it too); answers false when already in. */
  barge(chatId: string, userId: string): boolean {
    this.watch(chatId, userId);
    const set = this.#barged.get(chatId) ?? new Set<string>();
    this.#barged.set(chatId, set);
    if (set.has(userId)) return false;
    set.add(userId);
    return true;
  }

  /** Leaves the chat and goes on monitoring it; answers false when not in. */
  leave(chatId: string, userId: string): boolean {
    return drop(this.#barged, chatId, userId);
  }

  isWatching(chatId: string, userId: string): boolean {
    return this.#watching.get(chatId)?.has(userId) ?? false;
  }

  hasBarged(chatId: string, userId: string): boolean {
    return this.#barged.get(chatId)?.has(userId) ?? false;
  }

  watchers(chatId: string): string[] {
    return [...(this.#watching.get(chatId) ?? [])];
  }

  barged(chatId: string): string[] {
    return [...(this.#barged.get(chatId) ?? [])];
  }

  /** The chat ended, or left its agent: no one watches it any more. Answers who had barged in. */
  end(chatId: string): string[] {
    const barged = this.barged(chatId);
    this.#watching.delete(chatId);
    this.#barged.delete(chatId);
    return barged;
  }

  /** Every chat someone watches. */
  chats(): string[] {
    return [...this.#watching.keys()];
  }

  /** The chats a supervisor watches (barged into or not). */
  watchedBy(userId: string): string[] {
    return [...this.#watching].filter(([, users]) => users.has(userId)).map(([chatId]) => chatId);
  }

  /** How many chats someone watches; for keeping the maps small. */
  get size(): number {
    return this.#watching.size;
  }
}

function drop(map: Map<string, Set<string>>, chatId: string, userId: string): boolean {
  const set = map.get(chatId);
  if (!set?.delete(userId)) return false;
  if (set.size === 0) map.delete(chatId);
  return true;
}
