import { Type } from 'typebox';
import { Contact } from '../acd/contacts.schema.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';

const tags = ['voice'];

/** An SDP text: a WebRTC offer with its ICE candidates gathered (no trickle). */
const Sdp = Type.String({ minLength: 1, maxLength: 64 * 1024 });

export const AnswerCallBody = Type.Object(
  { sdp: Sdp },
  { additionalProperties: false, description: "The agent's WebRTC offer: audio, PCMU, candidates gathered." },
);

export const AnsweredCall = Type.Object({
  sdp: Type.String({ description: 'The answer to apply to the desktop’s peer connection.' }),
  contact: Contact,
});

/** The agent's side of calls (docs/voice.md); hold, resume and hang-up are the contact's own actions. */
export function voiceRoutes(app: App, { voice }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/voice/answer',
    permission: 'contact.handle',
    refusal: () => 'Only agents and supervisors answer calls.',
    tags,
    summary:
      'Answer a call offered to you from the desktop: your WebRTC leg is joined to the caller’s (400 for an offer without PCMU audio, 404 for a call this server does not carry)',
    params: IdParams,
    body: AnswerCallBody,
    response: { 200: AnsweredCall },
    handler: async (request) => {
      const { answerSdp, contact } = await voice.answer(
        principalOf(request),
        request.params.id,
        request.body.sdp,
      );
      return { sdp: answerSdp, contact };
    },
  });
}
