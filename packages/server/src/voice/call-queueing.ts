import { notFound, type QueueStep } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import { createContact } from '../acd/contacts.service.ts';
import { csqsRepository } from '../acd/csqs.repository.ts';
import { systemPrincipal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { holdMusic } from './audio.ts';
import type { Call } from './carried-call.ts';
import type { FlowTaken } from './flow-wiring.ts';
import type { MediaEngine } from './media/media-engine.ts';

interface QueueingDeps {
  db: Db;
  acd: AcdRuntime;
  media: MediaEngine;
}

/** Creates the call's contact in the CSQ (queued: music, or the flow's waiting audio, until an agent answers). */
export async function queueCall(
  deps: QueueingDeps,
  call: Call,
  csqId: string,
  flow?: FlowTaken,
): Promise<void> {
  if (!call.flow) call.audio = deps.media.play(call.customerLeg, holdMusic());
  else call.flow.wait();
  await createContact(deps.db, deps.acd, systemPrincipal(call.tenantId), {
    channel: 'voice',
    csqId,
    callType: call.callType,
    attributes: call.attributes,
    externalId: call.externalId,
    flow,
  });
}

/** The flow's queue step: the call takes its voice CSQ's recording policy and the flow's variables as attributes. */
export async function queueFromFlow(
  deps: QueueingDeps,
  call: Call,
  step: QueueStep,
  variables: Readonly<Record<string, string>>,
  flow: FlowTaken,
): Promise<void> {
  const csq = await csqsRepository.findById(deps.db, call.tenantId, step.csqId);
  if (csq?.channel !== 'voice') throw notFound('CSQ');
  call.csqId = csq.id;
  call.recordingPolicy = csq.recording;
  call.attributes = { ...call.attributes, ...variables };
  await queueCall(deps, call, csq.id, flow);
}
