import { type Flow, type FlowStepDone, openState, type QueueStep } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Db } from '../db/database.ts';
import { calendarsRepository } from '../db/repositories/calendars.repository.ts';
import { FlowCall, type Standing } from './flow-call.ts';
import type { MediaEngine } from './media/media-engine.ts';
import type { SpeechSynthesiser } from './speech.ts';

export interface FlowWiringDeps {
  db: Db;
  acd: AcdRuntime;
  media: MediaEngine;
  speech: SpeechSynthesiser;
  now: () => number;
  log?: { error(details: object, message: string): void } | undefined;
}

/** A flow version as a call runs it, and the steps the caller took in it, as the contact keeps them. */
export interface FlowTaken {
  flowId: string;
  flowVersion: number;
  steps: FlowStepDone[];
}

/** What the call controller does for a caller's flow. */
export interface FlowHooks {
  /** Queues the caller in the step's CSQ, the flow's variables becoming the contact's attributes. */
  queue(step: QueueStep, variables: Readonly<Record<string, string>>, flow: FlowTaken): Promise<void>;
  /** The caller's standing in the queue now. */
  standing(): Promise<Standing | null>;
  /** The flow ended the call (its hang-up step), or failed with `error`. */
  end(error?: unknown): void;
}

/**
 * The caller's flow, tied to the rest of Switchboard: calendars read from storage, steps taken after the call was
 * queued added to its contact in the router, and the rest handed to the call controller.
 */
export function flowCallFor(
  deps: FlowWiringDeps,
  call: { tenantId: string; contactId: string; customerLeg: string },
  flow: { id: string; version: number; definition: Flow },
  hooks: FlowHooks,
): FlowCall {
  const taken = (steps: FlowStepDone[]): FlowTaken => ({ flowId: flow.id, flowVersion: flow.version, steps });
  return new FlowCall(
    {
      media: deps.media,
      speech: deps.speech,
      now: deps.now,
      isOpen: async (calendarId) => {
        const calendar = await calendarsRepository.findById(deps.db, call.tenantId, calendarId);
        // A calendar deleted from under the flow (it cannot be while the flow names it) counts as closed.
        return calendar ? openState(calendar.calendar, deps.now()).open : false;
      },
      queue: (step, variables, steps) => hooks.queue(step, variables, taken(steps)),
      standing: hooks.standing,
      moreSteps: (steps) => {
        void deps.acd
          .run(call.tenantId, (engine) => ({
            events: engine.noteFlow(call.contactId, taken(steps)),
            result: undefined,
          }))
          .catch((error) => deps.log?.error({ err: error }, 'keeping call flow steps failed'));
      },
      hangUp: () => hooks.end(),
      failed: (error) => {
        deps.log?.error({ err: error, contactId: call.contactId }, 'a call flow failed');
        hooks.end(error);
      },
    },
    flow.definition,
    call.customerLeg,
  );
}
