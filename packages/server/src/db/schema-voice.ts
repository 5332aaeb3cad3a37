import type { Flow } from '@switchboard/core';
import type { Json } from './schema-identity.ts';

export interface RecordingsTable {
  id: string;
  tenant_id: string;
  contact_id: string;
  csq_id: string | null;
  agent_id: string | null;
  /** The recorded agent as `name(extension)`. */
  recorded_user: string;
  direction: 'inbound' | 'outbound';
  ani: string;
  dnis: string;
  started_at: Date;
  ended_at: Date;
  duration_ms: number;
  pauses: Json<{ fromMs: number; toMs: number }[]>;
  truncated: boolean;
  master_key_id: string;
  wrapped_key: string;
  /** Stereo μ-law WAV, sealed (AES-256-GCM: IV, tag, ciphertext). */
  audio: Buffer;
}

export interface CallFlowsTable {
  id: string;
  tenant_id: string;
  name: string;
  version: number;
  /** The current version's definition, as parseFlow returned it. */
  definition: Json<Flow>;
  csq_ids: string[];
  calendar_ids: string[];
  prompt_ids: string[];
  created_at: Date;
  updated_at: Date;
}

export interface CallFlowVersionsTable {
  tenant_id: string;
  flow_id: string;
  version: number;
  name: string;
  definition: Json<Flow>;
  saved_by: string | null;
  saved_at: Date;
}

export interface PhoneNumbersTable {
  id: string;
  tenant_id: string;
  /** Unique on the server, whatever the tenant. */
  number: string;
  name: string;
  /** Exactly one of flow_id and csq_id is set: where the number's calls go. */
  flow_id: string | null;
  csq_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface DeskPhonesTable {
  id: string;
  tenant_id: string;
  /** Unique in the tenant. */
  extension: string;
  /** Where the phone is ("Desk 14, second floor"). */
  name: string;
  /** What the phone registers as: unique on the server. */
  sip_username: string;
  /** The sealed secret (`desk_phone_ha1`) holding the digest hash of its password: MD5 of `user:realm:password`. */
  secret_id: string;
  /** The agent signed in to the desktop with this phone's extension: their calls ring it. */
  agent_id: string | null;
  created_at: Date;
  updated_at: Date;
}

export interface VoiceTables {
  recordings: RecordingsTable;
  call_flows: CallFlowsTable;
  call_flow_versions: CallFlowVersionsTable;
  phone_numbers: PhoneNumbersTable;
  desk_phones: DeskPhonesTable;
}
