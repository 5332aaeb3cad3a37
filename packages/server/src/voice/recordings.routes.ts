import { qmCallFields, RECORDING_POLICIES } from '@switchboard/core';
import { Type } from 'typebox';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { RECORDING_COMMANDS } from './call-recorder.ts';
import { listRecordings, recordingAudio } from './recordings.service.ts';
import type { StoredRecording } from './recordings.ts';

const tags = ['recordings'];

export const RecordingState = Type.Union([
  Type.Literal('recording'),
  Type.Literal('paused'),
  Type.Literal('stopped'),
]);

const Recording = Type.Object({
  id: Uuid,
  contactId: Uuid,
  csqId: Type.Union([Uuid, Type.Null()]),
  agentId: Type.Union([Uuid, Type.Null()]),
  recordingId: Type.String({ description: 'As the QM import reads it: `<id>~<name(extension)>`.' }),
  recordedUser: Type.String({ description: 'The recorded agent as `name(extension)`.' }),
  direction: Type.Union([Type.Literal('inbound'), Type.Literal('outbound')]),
  ani: Type.String({ description: 'The calling party (`anonymous` for a call from a web page).' }),
  dnis: Type.String({ description: 'The number dialled: for an inbound call, the agent’s extension.' }),
  startedAt: Type.String({ format: 'date-time' }),
  endedAt: Type.String({ format: 'date-time' }),
  durationMs: Type.Integer(),
  pauses: Type.Array(Type.Object({ fromMs: Type.Integer(), toMs: Type.Integer() }), {
    description: 'Spans during which recording was paused (silent in the audio), from its start.',
  }),
  truncated: Type.Boolean({ description: 'Whether audio past the length limit (4 hours) was left out.' }),
  callDirection: Type.Union([Type.Literal('Incoming'), Type.Literal('Outgoing')]),
  callType: Type.Literal('External'),
  extension: Type.String({ description: 'The number inside the last parentheses of the recorded user.' }),
  recordedPartyName: Type.String(),
  recordedPartyNumber: Type.String(),
  otherPartyNumber: Type.String({ description: 'The ANI of an incoming call, the DNIS of an outgoing one.' }),
  callingParty: Type.String(),
  receivingParty: Type.String(),
});

const present = (recording: StoredRecording) => ({
  id: recording.id,
  contactId: recording.contactId,
  csqId: recording.csqId,
  agentId: recording.agentId,
  recordingId: `${recording.id}~${recording.recordedUser}`,
  recordedUser: recording.recordedUser,
  direction: recording.direction,
  ani: recording.ani,
  dnis: recording.dnis,
  startedAt: recording.startedAt.toISOString(),
  endedAt: recording.endedAt.toISOString(),
  durationMs: recording.durationMs,
  pauses: recording.pauses,
  truncated: recording.truncated,
  ...qmCallFields(recording),
});

const RecordingCommandBody = Type.Object(
  {
    action: Type.Enum(RECORDING_COMMANDS, {
      description: 'What to do: pause while something must not be recorded (a card number), resume after.',
    }),
  },
  { additionalProperties: false },
);

/** Call recordings (docs/voice.md): controlled during the call, listed and played after it. */
export function recordingRoutes(app: App, { db, acd, voice, masterKeys }: AppContext): void {
  defineRoute(app, {
    method: 'POST',
    url: '/contacts/:id/recording',
    permission: 'recording.control',
    tags,
    summary:
      "Start, pause, resume or stop the recording of a call: the agent on it, or a write key (409 when the call's CSQ does not record, or records every call and is asked to stop)",
    params: IdParams,
    body: RecordingCommandBody,
    response: {
      200: Type.Object({
        recordingId: Type.Union([Uuid, Type.Null()]),
        state: RecordingState,
      }),
    },
    handler: (request) => voice.recording(principalOf(request), request.params.id, request.body.action),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/recording',
    permission: 'recording.control',
    tags,
    summary:
      'Where the recording of a call stands and what its CSQ allows: the agent on it (a call taken on a desk phone), or a write key',
    params: IdParams,
    response: {
      200: Type.Object({
        policy: Type.Enum(RECORDING_POLICIES),
        recordingId: Type.Union([Uuid, Type.Null()]),
        state: RecordingState,
      }),
    },
    handler: (request) => voice.recording(principalOf(request), request.params.id, 'status'),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/recordings',
    permission: 'recording.listen',
    tags,
    summary: "A call's recordings (one per agent who took part), oldest first, with their metadata",
    params: IdParams,
    response: { 200: Type.Array(Recording) },
    handler: async (request) =>
      (await listRecordings(db, acd, principalOf(request), request.params.id)).map(present),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/recordings/:id/audio',
    permission: 'recording.listen',
    tags,
    summary:
      'A recording’s audio as a stereo WAV (customer left, agent right): 16-bit PCM to play, or `format=g711` for the G.711 μ-law file QM imports read',
    params: IdParams,
    query: Type.Object(
      { format: Type.Optional(Type.Union([Type.Literal('pcm'), Type.Literal('g711')])) },
      { additionalProperties: false },
    ),
    response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
    handler: async (request, reply) => {
      const { recording, wav } = await recordingAudio(
        db,
        acd,
        masterKeys,
        principalOf(request),
        request.params.id,
        request.query.format ?? 'pcm',
      );
      reply.header('content-disposition', `attachment; filename="recording-${recording.id}.wav"`);
      reply.header('cache-control', 'no-store');
      return reply.type('audio/wav').send(wav);
    },
  });
}
