import { SwitchboardError } from '@switchboard/core';
import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** Why a payload does not fit its kind's schema, in one sentence; null when it fits. */
export function payloadProblem(name: string, schema: TSchema, payload: unknown): string | null {
  if (Value.Check(schema, payload)) return null;
  const reasons = Value.Errors(schema, payload).map(
    (error) => `${error.instancePath || 'the payload'} ${error.message}`,
  );
  return `The payload of a ${name} job does not fit its schema: ${[...new Set(reasons)].join('; ')}.`;
}

export function checkPayload(name: string, schema: TSchema, payload: unknown): void {
  const problem = payloadProblem(name, schema, payload);
  if (problem) throw new SwitchboardError('validation_failed', problem);
}
