/**
 * Sign-in throttling shared by every node (one row per throttled key, stored as a hash: a user at an address,
 * or an address), and secrets sealed under the operator's master key (envelope encryption): the token-signing
 * keys now, mail and identity-provider credentials later. The plain-text signing key goes: tokens signed with it
 * stop working, and people sign in once more.
 */
export const signInAndSecrets = `
create table sign_in_throttle (
  key text primary key,
  failures integer not null,
  last_attempt_at timestamptz not null,
  next_allowed_at timestamptz not null
);
create index sign_in_throttle_last_attempt on sign_in_throttle (last_attempt_at);

create table sealed_secrets (
  id text primary key,
  -- null: a secret of the whole deployment
  tenant_id uuid references tenants (id) on delete cascade,
  purpose text not null,
  master_key_id text not null,
  wrapped_key text not null,
  ciphertext text not null,
  created_at timestamptz not null,
  retired_at timestamptz
);
create index sealed_secrets_purpose on sealed_secrets (purpose, created_at desc);

delete from system_settings where key = 'access_token_signing_key';
`;
