export const ROLES = ['administrator', 'supervisor', 'agent', 'service'] as const;
export type Role = (typeof ROLES)[number];

/** What a service user's API key may do: read APIs only, unless granted more. */
export const API_KEY_SCOPES = ['read', 'write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const REASON_CODE_KINDS = ['not_ready', 'logout'] as const;
export type ReasonCodeKind = (typeof REASON_CODE_KINDS)[number];

export const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);
