import { conflict, invalid } from '@switchboard/core';

interface PostgresError {
  code?: unknown;
  constraint?: unknown;
}

/** Turns constraint violations (same codes from PGlite and PostgreSQL) into caller errors. */
export async function translateConstraintErrors<T>(what: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const code = (error as PostgresError).code;
    if (code === '23505') throw conflict(`A ${what} with that name or key already exists.`);
    if (code === '23503')
      throw invalid(`The ${what} refers to something that does not exist in this tenant.`);
    throw error;
  }
}
