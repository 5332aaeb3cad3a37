import { type DtmfKey, RECORDING_POLICIES } from '@switchboard/core';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Contact } from '../acd/contacts.schema.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, NoContent, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { RecordingState } from './recordings.routes.ts';
import { startWidgetCall } from './widget-call.ts';

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
  recording: Type.Object(
    {
      policy: Type.Enum(RECORDING_POLICIES),
      recordingId: Type.Union([Uuid, Type.Null()]),
      state: RecordingState,
    },
    {
      description:
        "The CSQ's recording policy and where the call's recording stands (recording from the answer under `always`).",
    },
  ),
});

export const RejoinedCall = Type.Object({
  sdp: Type.String({ description: 'The answer to apply to the desktop’s new peer connection.' }),
  recording: AnsweredCall.properties.recording,
});

export const WidgetCallBody = Type.Object(
  { sdp: Sdp },
  {
    additionalProperties: false,
    description: "The caller's WebRTC offer: audio, PCMU, candidates gathered.",
  },
);

export const StartedCall = Type.Object({
  callId: Uuid,
  sdp: Type.String({ description: 'The answer to apply to the page’s peer connection.' }),
  token: Type.String({
    description:
      'The call’s secret: sent back as `Authorization: Call <token>` to hang up and to wait for the call’s end.',
  }),
});

/** How long the caller's page waits for the call to end before it asks again. */
export const CALL_WAIT_MS = 25_000;

export const CallWait = Type.Object({
  ended: Type.Boolean({ description: 'The call ended; `false`: still on after the wait, ask again.' }),
});

/** The call's secret from `Authorization: Call <token>`. */
const callToken = (request: FastifyRequest) =>
  /^Call\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? '';

/**
 * Calls (docs/voice.md): the agent answers from the desktop (hold, resume and hang-up are the contact's own
 * actions); a customer calls from a widget's page and hangs up with the call's secret.
 */
export function voiceRoutes(app: App, { voice, chat }: AppContext): void {
  // Pages waiting for their call's end are answered when the server stops, or it would wait for them.
  const stopping = new AbortController();
  app.addHook('preClose', async () => stopping.abort());
  defineRoute(app, {
    method: 'POST',
    url: '/public/widgets/:id/calls',
    permission: 'public',
    tags: ['voice (customer)'],
    summary:
      "A customer calls from a widget's page: the call waits in the widget's voice CSQ with music (409 calls_off, 409 widget_closed outside its service hours, 429 when started too often)",
    params: IdParams,
    body: WidgetCallBody,
    response: { 201: StartedCall },
    handler: async (request, reply) => {
      const started = await startWidgetCall(chat, voice, request.params.id, request.ip, request.body.sdp);
      return reply.status(201).send(started);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/calls/:id/hangup',
    permission: 'public',
    tags: ['voice (customer)'],
    summary: "The caller hangs up, with the call's secret (`Authorization: Call <token>`; 404 for any other)",
    params: IdParams,
    response: { 204: NoContent },
    handler: async (request, reply) => {
      await voice.callerHangUpWithToken(request.params.id, callToken(request));
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/public/calls/:id/wait',
    permission: 'public',
    tags: ['voice (customer)'],
    summary: `The caller's page waits until the call ends (the agent hung up), with the call's secret: \`{"ended": true}\` as soon as it does, \`{"ended": false}\` after ${CALL_WAIT_MS / 1000} s (ask again); 404 once it is gone or for any other secret`,
    params: IdParams,
    response: { 200: CallWait },
    handler: async (request, reply) => {
      const gone = new AbortController();
      reply.raw.once('close', () => gone.abort());
      const signal = AbortSignal.any([gone.signal, stopping.signal]);
      const ended = await voice.untilEnded(request.params.id, callToken(request), CALL_WAIT_MS, signal);
      return { ended };
    },
  });

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
      const { answerSdp, contact, recording } = await voice.answer(
        principalOf(request),
        request.params.id,
        request.body.sdp,
      );
      return { sdp: answerSdp, contact, recording };
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/voice/keys',
    permission: 'contact.handle',
    refusal: () => 'Only agents and supervisors are on calls.',
    tags,
    summary:
      "Send keypad tones to the other side of the call you are on (a far end's menu on a call you placed), as RFC 4733 telephone events one after another (404 when the call is not yours or not carried here; 409 when the other side takes no telephone events)",
    params: IdParams,
    body: Type.Object(
      {
        keys: Type.String({
          pattern: '^[0-9*#]{1,32}$',
          description: 'The keys, in order: 0–9, * and #, 1–32 of them.',
        }),
      },
      { additionalProperties: false },
    ),
    response: { 204: NoContent },
    handler: async (request, reply) => {
      voice.pressKeys(principalOf(request), request.params.id, [...request.body.keys] as DtmfKey[]);
      return reply.status(204).send(null);
    },
  });

  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/voice/rejoin',
    permission: 'contact.handle',
    refusal: () => 'Only agents and supervisors answer calls.',
    tags,
    summary:
      'Join again a call you are on from a new WebRTC leg, after your connection dropped or the desktop reloaded, or to move it to this tab: the caller hears music meanwhile, and the call ends in wrap-up if you do not rejoin within 30 s (404 when the call is not yours or not carried here)',
    params: IdParams,
    body: AnswerCallBody,
    response: { 200: RejoinedCall },
    handler: async (request) => {
      const { answerSdp, recording } = await voice.rejoin(
        principalOf(request),
        request.params.id,
        request.body.sdp,
      );
      return { sdp: answerSdp, recording };
    },
  });
}
