import { type CsqConfig, PRIORITY } from '@switchboard/core';
import { ArrivalStream } from './arrivals.ts';
import { type DurationSampler, durationSampler } from './durations.ts';
import type { SimContact } from './event-queue.ts';
import type { SimulatedCsq } from './input.ts';
import { SeededRandom } from './random.ts';

/** A CSQ as the simulator runs it: the router's configuration, its arrivals, and its customers' samples. */
export interface CsqModel {
  config: CsqConfig;
  priority: number;
  arrivals: ArrivalStream;
  newContact(id: string, at: number): SimContact;
}

const NO_TIME: DurationSampler = () => 0;
const FOREVER: DurationSampler = () => Number.POSITIVE_INFINITY;

/**
 * Each CSQ draws from four streams of its own (arrivals, handle time, wrap-up, patience), so that changing one
 * part of the input — staffing, another CSQ, a break — leaves the customers of this CSQ the same: a paired
 * comparison of two staffings sees the same arrivals with the same samples.
 */
export function csqModel(csq: SimulatedCsq, index: number, seed: number): CsqModel {
  const stream = (purpose: number) => new SeededRandom(seed, index * 4 + purpose);
  const handleRandom = stream(1);
  const wrapUpRandom = stream(2);
  const patienceRandom = stream(3);
  const handleTime = durationSampler(csq.handleTime);
  const wrapUp = csq.wrapUp ? durationSampler(csq.wrapUp) : NO_TIME;
  const patience = csq.patience ? durationSampler(csq.patience) : FOREVER;
  return {
    config: {
      id: csq.id,
      channel: csq.channel,
      skills: csq.skills,
      criterion: csq.criterion,
      ...(csq.agentOrder ? { agentOrder: csq.agentOrder } : {}),
    },
    priority: csq.priority ?? PRIORITY.default,
    arrivals: new ArrivalStream(csq.arrivals, stream(0)),
    newContact: (id, at) => ({
      id,
      csq: index,
      arrivedAt: at,
      status: 'queued',
      agentId: null,
      handleMs: handleTime(handleRandom),
      wrapUpMs: wrapUp(wrapUpRandom),
      patienceMs: patience(patienceRandom),
      epoch: 0,
    }),
  };
}
