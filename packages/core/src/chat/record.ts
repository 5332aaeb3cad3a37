import type { Outcome } from '../acd/model.ts';

/** When a chat contact passed each stage (epoch ms); null where it never got there. */
export interface ChatStages {
  queuedAt: number;
  acceptedAt: number | null;
  wrapUpAt: number | null;
  endedAt: number | null;
  outcome: Outcome | null;
  /** The customer left while a second agent was being invited into the chat. */
  leftWhileInviting?: boolean;
}

export interface ChatDurations {
  /** Queue to answer; for a chat never answered, queue to its end. */
  waitSeconds: number | null;
  /** Answer to the end of the conversation. */
  talkSeconds: number | null;
  /** End of the conversation to the end of wrap-up. */
  wrapUpSeconds: number | null;
  /**
   * How reports count it: a chat the customer left while it was offered is abandoned too, and so is one they
   * left while it was offered to a second agent (group chat).
   */
  outcome: 'handled' | 'abandoned' | 'dequeued' | 'open';
}

const seconds = (from: number | null, to: number | null) =>
  from === null || to === null ? null : Math.max(0, Math.round((to - from) / 1000));

export function chatDurations(stages: ChatStages): ChatDurations {
  const answered = stages.acceptedAt !== null;
  return {
    waitSeconds: seconds(stages.queuedAt, answered ? stages.acceptedAt : stages.endedAt),
    talkSeconds: seconds(stages.acceptedAt, stages.wrapUpAt),
    wrapUpSeconds: seconds(stages.wrapUpAt, answered ? stages.endedAt : null),
    outcome:
      stages.outcome === null
        ? 'open'
        : stages.outcome === 'abandoned_while_offered' || stages.leftWhileInviting
          ? 'abandoned'
          : stages.outcome,
  };
}
