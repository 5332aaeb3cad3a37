import { authorize, notFound } from '@switchboard/core';
import { Type } from 'typebox';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import type { App, AppContext } from '../http/app-types.ts';
import { principalOf } from '../http/app-types.ts';
import { IdParams, Uuid } from '../http/common.schema.ts';
import { defineRoute } from '../http/define-route.ts';
import { reportScope } from '../reporting/report-scope.ts';
import { RECORDING_COMMANDS } from './call-recorder.ts';
import { pcmWav, recordingsRepository, type StoredRecording } from './recordings.ts';

const tags = ['recordings'];

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
});

/** Whether the caller may hear this recording: supervisors scoped by teams, those of their agents only. */
async function inScope(db: Db, acd: AcdRuntime, principal: Principal, recording: StoredRecording) {
  const scope = await reportScope(db, acd, principal);
  return scope.agentIds === null || (recording.agentId !== null && scope.agentIds.has(recording.agentId));
}

const RecordingCommandBody = Type.Object(
  {
    action: Type.Union(
      ['start', 'pause', 'resume', 'stop'].map((action) => Type.Literal(action)),
      {
        description: 'What to do: pause while something must not be recorded (a card number), resume after.',
      },
    ),
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
        state: Type.Union([Type.Literal('recording'), Type.Literal('paused'), Type.Literal('stopped')]),
      }),
    },
    handler: (request) => voice.recording(principalOf(request), request.params.id, request.body.action),
  });

  defineRoute(app, {
    method: 'GET',
    url: '/contacts/:id/recordings',
    permission: 'recording.listen',
    tags,
    summary: "A call's recordings (one per agent who took part), oldest first, with their metadata",
    params: IdParams,
    response: { 200: Type.Array(Recording) },
    handler: async (request) => {
      const principal = principalOf(request);
      authorize(principal, 'recording.listen');
      const contact = await db
        .selectFrom('contacts')
        .select('id')
        .where('tenant_id', '=', principal.tenantId)
        .where('id', '=', request.params.id)
        .executeTakeFirst();
      if (!contact) throw notFound('Contact');
      const all = await recordingsRepository.ofContact(db, principal.tenantId, request.params.id);
      const scope = await reportScope(db, acd, principal);
      return all
        .filter((r) => scope.agentIds === null || (r.agentId !== null && scope.agentIds.has(r.agentId)))
        .map(present);
    },
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
      const principal = principalOf(request);
      authorize(principal, 'recording.listen');
      const recording = await recordingsRepository.find(db, principal.tenantId, request.params.id);
      if (!recording || !(await inScope(db, acd, principal, recording))) throw notFound('Recording');
      const g711 = await recordingsRepository.audio(db, masterKeys, principal.tenantId, recording.id);
      if (!g711) throw notFound('Recording');
      const g711Wanted = request.query.format === 'g711';
      reply.header('content-disposition', `attachment; filename="recording-${recording.id}.wav"`);
      reply.header('cache-control', 'no-store');
      return reply.type('audio/wav').send(g711Wanted ? g711 : pcmWav(g711));
    },
  });
}
