import { randomUUID } from 'node:crypto';
import type { Db } from '../db/database.ts';
import type { SealedSecretRow } from '../db/schema.ts';
import { open, rewrap, type Sealed, seal } from './envelope.ts';
import type { MasterKeyring } from './master-keys.ts';

export interface StoredSecret {
  id: string;
  tenantId: string | null;
  value: Buffer;
  createdAt: Date;
  retiredAt: Date | null;
}

const aadOf = (row: Pick<SealedSecretRow, 'id' | 'purpose' | 'tenant_id'>) =>
  `${row.purpose}|${row.tenant_id ?? '-'}|${row.id}`;

const sealedOf = (row: SealedSecretRow): Sealed => ({
  masterKeyId: row.master_key_id,
  wrappedKey: row.wrapped_key,
  ciphertext: row.ciphertext,
});

/**
 * Secrets at rest, for the whole product: each is sealed with its own data key under the operator's master
 * key (see envelope.ts) and opened only in memory. Purposes name what a secret is for ('token_signing_key').
 */
export class SecretStore {
  readonly #db: Db;
  readonly #keyring: MasterKeyring;

  constructor(db: Db, keyring: MasterKeyring) {
    this.#db = db;
    this.#keyring = keyring;
  }

  async add(purpose: string, value: Buffer, at: Date, tenantId: string | null = null): Promise<string> {
    const id = randomUUID();
    await this.#insert({ id, purpose, tenant_id: tenantId }, value, at);
    return id;
  }

  /**
   * The one secret of a deployment-wide purpose, made on first use. Its id is the purpose, so nodes starting
   * together all end up with the same one.
   */
  async singleton(purpose: string, make: () => Buffer, at: Date): Promise<Buffer> {
    await this.#insert({ id: purpose, purpose, tenant_id: null }, make(), at);
    const [secret] = await this.list(purpose);
    if (!secret) throw new Error(`the ${purpose} secret vanished while it was made`);
    return secret.value;
  }

  /** Stores a sealed secret unless one with its id is there already. */
  async #insert(place: Pick<SealedSecretRow, 'id' | 'purpose' | 'tenant_id'>, value: Buffer, at: Date) {
    const sealed = seal(value, this.#keyring, aadOf(place));
    await this.#db
      .insertInto('sealed_secrets')
      .values({
        ...place,
        master_key_id: sealed.masterKeyId,
        wrapped_key: sealed.wrappedKey,
        ciphertext: sealed.ciphertext,
        created_at: at,
        retired_at: null,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }

  /** Every secret of a purpose (and tenant), newest first, opened. */
  async list(purpose: string, tenantId: string | null = null): Promise<StoredSecret[]> {
    let query = this.#db.selectFrom('sealed_secrets').selectAll().where('purpose', '=', purpose);
    query =
      tenantId === null ? query.where('tenant_id', 'is', null) : query.where('tenant_id', '=', tenantId);
    const rows = await query.orderBy('created_at', 'desc').orderBy('id').execute();
    return rows.map((row) => ({
      id: row.id,
      tenantId: row.tenant_id,
      value: open(sealedOf(row), this.#keyring, aadOf(row)),
      createdAt: row.created_at,
      retiredAt: row.retired_at,
    }));
  }

  /** One secret by its id, opened; undefined when there is none. */
  async get(id: string): Promise<Buffer | undefined> {
    const row = await this.#db
      .selectFrom('sealed_secrets')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && open(sealedOf(row), this.#keyring, aadOf(row));
  }

  async retire(id: string, at: Date): Promise<void> {
    await this.#db
      .updateTable('sealed_secrets')
      .set({ retired_at: at })
      .where('id', '=', id)
      .where('retired_at', 'is', null)
      .execute();
  }

  async remove(id: string): Promise<void> {
    await this.#db.deleteFrom('sealed_secrets').where('id', '=', id).execute();
  }

  /** Re-wraps every secret not yet under the current master key; answers how many it re-wrapped. */
  async rewrapAll(): Promise<number> {
    const rows = await this.#db
      .selectFrom('sealed_secrets')
      .selectAll()
      .where('master_key_id', '!=', this.#keyring.current.id)
      .execute();
    for (const row of rows) {
      const next = rewrap(sealedOf(row), this.#keyring, aadOf(row));
      await this.#db
        .updateTable('sealed_secrets')
        .set({ master_key_id: next.masterKeyId, wrapped_key: next.wrappedKey })
        .where('id', '=', row.id)
        .where('master_key_id', '=', row.master_key_id)
        .execute();
    }
    return rows.length;
  }
}
