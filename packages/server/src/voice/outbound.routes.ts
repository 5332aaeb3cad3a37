import { LIMITS } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { RecordingState } from './recordings.routes.ts';
import { AnswerCallBody, AnsweredCall } from './voice.routes.ts';

export const PlaceCallBody = Type.Object(
  {
    csqId: Type.String({
      format: 'uuid',
      description:
        'One of your voice CSQs: the call presents its caller ID, and follows its recording policy.',
    }),
    number: Type.String({
      minLength: 1,
      maxLength: 64,
      description: `The number to call, as typed: spaces, dashes, dots and brackets are left out (${LIMITS.dialledNumber.min}–${LIMITS.dialledNumber.max} digits, * and #, + only in front).`,
    }),
    sdp: AnswerCallBody.properties.sdp,
  },
  { additionalProperties: false },
);

export const PlacedCall = Type.Object({
  contactId: Uuid,
  sdp: Type.String({ description: 'The answer to apply to the desktop’s peer connection.' }),
  number: Type.String({ description: 'What is dialled.' }),
  callerId: Type.String({ description: 'The number the call presents: the CSQ’s caller ID.' }),
  emergency: Type.Boolean({ description: 'An emergency number (allowed whatever the plan and limit).' }),
  recording: Type.Object(
    { policy: AnsweredCall.properties.recording.properties.policy, state: RecordingState },
    {
      description:
        "The CSQ's recording policy; under `always` the call is recorded from the far end's answer.",
    },
  ),
});

/** Outbound calls (docs/voice.md, "Outbound calls"). */
export function outboundRoutes(app: App, { voice }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/calls',
    permission: 'call.place',
    refusal: () => 'Only agents and supervisors place calls.',
    tags: ['voice'],
    summary:
      "Place a call from the desktop: the number is checked against the center's dial plan (400 naming the reason: malformed, international, not_in_plan; emergency numbers always go), the CSQ's caller ID is presented, and you hear it ring until the far end answers (409 without a caller ID, a SIP trunk, or while you have a call; 409 limit_reached at the center's limit of outbound calls in progress)",
    body: PlaceCallBody,
    response: { 201: PlacedCall },
    handler: async (request, reply) => {
      const placed = await voice.placeCall(principalOf(request), {
        csqId: request.body.csqId,
        number: request.body.number,
        offerSdp: request.body.sdp,
      });
      return reply.status(201).send({
        contactId: placed.contactId,
        sdp: placed.answerSdp,
        number: placed.number,
        callerId: placed.callerId,
        emergency: placed.emergency,
        recording: {
          policy: placed.recordingPolicy,
          state: placed.recordingPolicy === 'always' ? ('recording' as const) : ('stopped' as const),
        },
      });
    },
  });
}
