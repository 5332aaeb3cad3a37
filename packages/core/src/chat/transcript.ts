import type { ChatEndedBy, ChatMessage } from './customer-view.ts';

/** A line of the conversation that no one typed: an agent joined or left, the chat ended. */
export interface ChatNotice {
  at: number;
  kind: 'agent_joined' | 'agent_left' | 'ended';
  alias?: string;
  by?: ChatEndedBy;
}

export interface TranscriptInput {
  title: string;
  customerName: string;
  messages: readonly ChatMessage[];
  notices: readonly ChatNotice[];
}

const ENDED_BY: Record<ChatEndedBy, string> = {
  customer: 'You ended the chat.',
  agent: 'The agent ended the chat.',
  inactivity: 'The chat ended after a period of inactivity.',
  system: 'The chat ended.',
};

const stamp = (at: number) => new Date(at).toISOString().replace('T', ' ').slice(0, 19);

function noticeText(notice: ChatNotice): string {
  switch (notice.kind) {
    case 'agent_joined':
      return `${notice.alias} joined the chat.`;
    case 'agent_left':
      return `${notice.alias} left the chat.`;
    case 'ended':
      return ENDED_BY[notice.by ?? 'system'];
  }
}

/**
 * The transcript a customer downloads: plain text, times in UTC, messages and notices in the order they
 * happened (a notice before a message of the same instant).
 */
export function formatTranscript(input: TranscriptInput): string {
  const lines = [
    ...input.notices.map((n) => ({ at: n.at, order: 0, text: noticeText(n) })),
    ...input.messages.map((m) => ({
      at: m.at,
      order: 1,
      text: `${m.from === 'customer' ? input.customerName : (m.alias ?? 'Agent')}: ${m.text}`,
    })),
  ].sort((a, b) => a.at - b.at || a.order - b.order);
  return [
    input.title,
    '',
    ...lines.map((line) => `[${stamp(line.at)} UTC] ${line.text.replace(/\r?\n/g, '\n    ')}`),
    '',
  ].join('\n');
}
