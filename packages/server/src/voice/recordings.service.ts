import { authorize, notFound } from '@switchboard/core';
import type { AcdRuntime } from '../acd/acd-runtime.ts';
import type { Principal } from '../auth/principal.ts';
import type { Db } from '../db/database.ts';
import { type ReportScope, reportScope } from '../reporting/report-scope.ts';
import type { MasterKeyring } from '../secrets/master-keys.ts';
import { pcmWav, recordingsRepository, type StoredRecording } from './recordings.ts';

/** Whether a recording is in the caller's scope: supervisors scoped by teams see those of their agents only. */
const inScope = (scope: ReportScope, recording: StoredRecording) =>
  scope.agentIds === null || (recording.agentId !== null && scope.agentIds.has(recording.agentId));

/** A call's recordings in the caller's scope, oldest first (404 for a contact not of the caller's tenant). */
export async function listRecordings(db: Db, acd: AcdRuntime, principal: Principal, contactId: string) {
  authorize(principal, 'recording.listen');
  const contact = await db
    .selectFrom('contacts')
    .select('id')
    .where('tenant_id', '=', principal.tenantId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) throw notFound('Contact');
  const scope = await reportScope(db, acd, principal);
  const all = await recordingsRepository.ofContact(db, principal.tenantId, contactId);
  return all.filter((recording) => inScope(scope, recording));
}

/** A recording's audio as 16-bit PCM WAV, or as the stereo G.711 file it was made as. */
export async function recordingAudio(
  db: Db,
  acd: AcdRuntime,
  keyring: MasterKeyring,
  principal: Principal,
  id: string,
  format: 'pcm' | 'g711',
): Promise<{ recording: StoredRecording; wav: Buffer }> {
  authorize(principal, 'recording.listen');
  const recording = await recordingsRepository.find(db, principal.tenantId, id);
  if (!recording || !inScope(await reportScope(db, acd, principal), recording)) throw notFound('Recording');
  const g711 = await recordingsRepository.audio(db, keyring, principal.tenantId, recording.id);
  if (!g711) throw notFound('Recording');
  return { recording, wav: format === 'g711' ? g711 : pcmWav(g711) };
}
