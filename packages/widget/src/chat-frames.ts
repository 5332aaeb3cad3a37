import type { WidgetMessages } from '@switchboard/core';
import type { SavedChat } from './saved-chat.ts';
import type { ChatStatus, LogEntry, SessionState } from './session-types.ts';

/** What the server sends on a chat's stream (docs/chat.md). */
export type Frame =
  | { type: 'hello'; status: ChatStatus; alias: string | null }
  | { type: 'message'; seq: number; from: LogEntry['from']; alias: string | null; text: string; at: string }
  | { type: 'typing'; typing: boolean }
  | { type: 'agent_joined'; alias: string }
  | { type: 'agent_left'; alias: string }
  | { type: 'join_timeout' }
  | { type: 'queue'; position: number; expectedWaitSeconds: number | null }
  | { type: 'ended'; by: string };

/** The session's chat, as a frame may change it. */
export interface FrameTarget {
  saved: SavedChat;
  messages: WidgetMessages;
  log: () => LogEntry[];
  update: (patch: Partial<SessionState>) => void;
  system: (text: string) => void;
  append: (entry: LogEntry) => void;
  ended: () => void;
}

/** What one frame of the stream does to the chat; the caller stores the chat afterwards. */
export function applyFrame(frame: Frame, chat: FrameTarget): void {
  const { saved, messages: texts } = chat;
  switch (frame.type) {
    case 'hello':
      chat.update({ alias: frame.alias, status: frame.status });
      saved.status = frame.status;
      saved.alias = frame.alias;
      if (frame.status === 'queued' && !saved.waitShown) {
        saved.waitShown = true;
        chat.system(texts.wait);
      }
      if (frame.status === 'ended') chat.ended();
      break;
    case 'message':
      applyMessage(frame, chat);
      break;
    case 'typing':
      chat.update({ agentTyping: frame.typing });
      break;
    case 'agent_joined':
      saved.status = 'active';
      saved.alias = frame.alias;
      chat.update({ status: 'active', alias: frame.alias, queue: null });
      chat.system(`${texts.agentJoined.before}${frame.alias}${texts.agentJoined.after}`);
      break;
    case 'agent_left':
      chat.update({ agentTyping: false });
      chat.system(`${texts.agentLeft.before}${frame.alias}${texts.agentLeft.after}`);
      break;
    case 'join_timeout':
      chat.system(texts.joinTimeout);
      break;
    case 'queue':
      if (Number.isInteger(frame.position) && frame.position > 0)
        chat.update({ queue: { position: frame.position, expectedWaitSeconds: frame.expectedWaitSeconds } });
      break;
    case 'ended':
      chat.update({ queue: null });
      chat.ended();
      break;
  }
}

function applyMessage(frame: Extract<Frame, { type: 'message' }>, chat: FrameTarget): void {
  const { saved } = chat;
  if (!Number.isInteger(frame.seq) || frame.seq <= saved.lastSeq) return; // seen already
  saved.lastSeq = frame.seq;
  if (frame.from === 'agent') chat.update({ agentTyping: false });
  const mine = chat.log().findIndex((entry) => entry.seq === frame.seq);
  if (mine >= 0) return; // our own message, acknowledged before it came back on the stream
  chat.append({
    key: `seq-${frame.seq}`,
    from: frame.from,
    alias: frame.alias,
    text: frame.text,
    seq: frame.seq,
  });
}
