import { conflict, invalid, SwitchboardError } from '@switchboard/core';

interface PostgresError {
  code?: unknown;
  constraint?: unknown;
}

/** Unique indexes on a name compared without case, and the field of the request that holds that name. */
const NAMED_BY: Record<string, string> = {
  skills_name_ci: 'name',
  teams_name_ci: 'name',
  csqs_name_ci: 'name',
  calendars_name_ci: 'name',
  chat_widgets_name_ci: 'name',
  users_tenant_username_ci: 'username',
  users_tenant_id_username_key: 'username',
  predefined_responses_title: 'title',
  wrap_up_category_versions_name: 'name',
  wrap_up_reasons_name: 'name',
};

/** The refusal of a name another record of the tenant already has, ignoring case, pinned to its field. */
export function nameTaken(what: string, field: string) {
  const message = `Another ${what} already has this ${field} (ignoring upper and lower case): choose another.`;
  return conflict(message, [{ path: `body/${field}`, field, message }]);
}

/**
 * The refusal of a phone number held already. Numbers are unique on the server, so the holder may be another
 * tenant: the refusal says only that the number is taken, never by whom.
 */
function numberTaken() {
  const message = 'This number is already in use: choose another.';
  return new SwitchboardError('number_taken', message, [{ path: 'body/number', field: 'number', message }]);
}

/**
 * The refusal of a desk phone's extension held already by another phone of the tenant. Its SIP username
 * (`<tenant>-<extension>`) is unique on the server; two tenants cannot arrive at the same one (an extension holds
 * no `-`), but should they, the refusal is the same and names no one.
 */
function extensionTaken() {
  const message = 'Another desk phone already has this extension: choose another.';
  return new SwitchboardError('extension_taken', message, [
    { path: 'body/extension', field: 'extension', message },
  ]);
}

/**
 * A CSQ's caller ID and its number parted by two changes at once (each checked it before): deleting the number a
 * CSQ was given meanwhile, or giving a CSQ a number deleted meanwhile.
 */
function callerIdGone(what: string) {
  if (what === 'CSQ') {
    const message =
      "The caller ID is not one of this center's numbers (it was just deleted): choose another.";
    return invalid(message, [{ path: 'body/callerId', field: 'callerId', message }]);
  }
  return conflict('A CSQ presents this number as its caller ID: give the CSQ another caller ID first.');
}

/** Unique indexes with refusals of their own (those over every tenant must not tell whose the value is). */
const TAKEN_ON_THE_SERVER: Record<string, () => SwitchboardError> = {
  phone_numbers_number_key: numberTaken,
  phone_numbers_tenant_number: numberTaken,
  desk_phones_tenant_id_extension_key: extensionTaken,
  desk_phones_sip_username_key: extensionTaken,
};

/** Turns constraint violations (same codes from PGlite and PostgreSQL) into caller errors. */
export async function translateConstraintErrors<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const { code, constraint } = error as PostgresError;
    if (code === '23505') {
      const taken = typeof constraint === 'string' ? TAKEN_ON_THE_SERVER[constraint] : undefined;
      if (taken) throw taken();
      const field = typeof constraint === 'string' ? NAMED_BY[constraint] : undefined;
      if (field) throw nameTaken(what, field);
      throw conflict(`A ${what} with that name or key already exists.`);
    }
    if (code === '23503' && constraint === 'csqs_caller_id_number') throw callerIdGone(what);
    if (code === '23503')
      throw invalid(`The ${what} refers to something that does not exist in this tenant.`);
    throw error;
  }
}
