import type { RecordedAudio, RecordingPause } from '@switchboard/core';
import type { Selectable } from 'kysely';
import wavefile from 'wavefile';
import type { Db } from '../db/database.ts';
import type { RecordingsTable } from '../db/schema.ts';
import { open, seal } from '../secrets/envelope.ts';
import type { MasterKeyring } from '../secrets/master-keys.ts';
import { SAMPLE_RATE } from './audio.ts';

const { WaveFile } = wavefile;

/** What a recording says about its call, in the terms of the QM import format. */
export interface RecordingMetadata {
  id: string;
  tenantId: string;
  /** The call's ID: its contact. */
  contactId: string;
  csqId: string | null;
  agentId: string | null;
  /** The recorded agent as `name(extension)`. */
  recordedUser: string;
  direction: 'inbound' | 'outbound';
  /** The calling party's number; for a call from a web page, `anonymous`. */
  ani: string;
  /** The number dialled: for an inbound call, the agent's extension. */
  dnis: string;
  startedAt: Date;
  endedAt: Date;
}

export interface StoredRecording extends RecordingMetadata {
  durationMs: number;
  pauses: RecordingPause[];
  truncated: boolean;
}

/** Binds a recording's sealed audio to its row: copied to another, it does not open. */
const aadOf = (tenantId: string, id: string) => `recording|${tenantId}|${id}`;

/** The recording as a stereo G.711 μ-law WAV file (customer left, agent right). */
export function g711Wav(audio: RecordedAudio): Buffer {
  const file = new WaveFile();
  file.fromScratch(2, SAMPLE_RATE, '8m', audio.samples);
  return Buffer.from(file.toBuffer());
}

/** The same file as 16-bit PCM, which every browser plays. */
export function pcmWav(g711: Buffer): Buffer {
  const file = new WaveFile(g711);
  file.fromMuLaw();
  return Buffer.from(file.toBuffer());
}

/** A recording's row without its sealed audio. */
type ListedRow = Omit<Selectable<RecordingsTable>, 'master_key_id' | 'wrapped_key' | 'audio'>;

const present = (row: ListedRow): StoredRecording => ({
  id: row.id,
  tenantId: row.tenant_id,
  contactId: row.contact_id,
  csqId: row.csq_id,
  agentId: row.agent_id,
  recordedUser: row.recorded_user,
  direction: row.direction,
  ani: row.ani,
  dnis: row.dnis,
  startedAt: row.started_at,
  endedAt: row.ended_at,
  durationMs: row.duration_ms,
  pauses: row.pauses,
  truncated: row.truncated,
});

const LISTED = [
  'id',
  'tenant_id',
  'contact_id',
  'csq_id',
  'agent_id',
  'recorded_user',
  'direction',
  'ani',
  'dnis',
  'started_at',
  'ended_at',
  'duration_ms',
  'pauses',
  'truncated',
] as const;

export const recordingsRepository = {
  /** Keeps a finished recording, its audio sealed under the current master key. */
  async insert(db: Db, keyring: MasterKeyring, meta: RecordingMetadata, audio: RecordedAudio): Promise<void> {
    const sealed = seal(g711Wav(audio), keyring, aadOf(meta.tenantId, meta.id));
    await db
      .insertInto('recordings')
      .values({
        id: meta.id,
        tenant_id: meta.tenantId,
        contact_id: meta.contactId,
        csq_id: meta.csqId,
        agent_id: meta.agentId,
        recorded_user: meta.recordedUser,
        direction: meta.direction,
        ani: meta.ani,
        dnis: meta.dnis,
        started_at: meta.startedAt,
        ended_at: meta.endedAt,
        duration_ms: audio.durationMs,
        pauses: JSON.stringify(audio.pauses),
        truncated: audio.truncated,
        master_key_id: sealed.masterKeyId,
        wrapped_key: sealed.wrappedKey,
        audio: Buffer.from(sealed.ciphertext, 'base64url'),
      })
      .execute();
  },

  /** A contact's recordings, oldest first. */
  async ofContact(db: Db, tenantId: string, contactId: string): Promise<StoredRecording[]> {
    const rows = await db
      .selectFrom('recordings')
      .select(LISTED)
      .where('tenant_id', '=', tenantId)
      .where('contact_id', '=', contactId)
      .orderBy('started_at')
      .execute();
    return rows.map(present);
  },

  async find(db: Db, tenantId: string, id: string): Promise<StoredRecording | undefined> {
    const row = await db
      .selectFrom('recordings')
      .select(LISTED)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && present(row);
  },

  /** The recording's audio as the stereo G.711 WAV it was made as. */
  async audio(db: Db, keyring: MasterKeyring, tenantId: string, id: string): Promise<Buffer | undefined> {
    const row = await db
      .selectFrom('recordings')
      .select(['master_key_id', 'wrapped_key', 'audio'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return undefined;
    return open(
      {
        masterKeyId: row.master_key_id,
        wrappedKey: row.wrapped_key,
        ciphertext: Buffer.from(row.audio).toString('base64url'),
      },
      keyring,
      aadOf(tenantId, id),
    );
  },
};
