import { invalid } from '@switchboard/core';
import { type CumulativePoint, DURATION_KINDS, type Duration } from './durations.ts';

interface NumberRule {
  min?: number;
  /** The value must be strictly above `min`. */
  aboveMin?: boolean;
  max?: number;
  whole?: boolean;
}

/** Throws `validation_failed` naming the field unless the value is a finite number within the rule. */
export function checkNumber(value: unknown, field: string, rule: NumberRule = {}): number {
  const { min, aboveMin = false, max, whole = false } = rule;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!whole || Number.isInteger(value)) &&
    (min === undefined || (aboveMin ? value > min : value >= min)) &&
    (max === undefined || value <= max);
  if (!ok) throw invalid(`${field} must be ${describe(rule)}.`, { field, value });
  return value as number;
}

function describe({ min, aboveMin = false, max, whole = false }: NumberRule): string {
  const noun = whole ? 'a whole number' : 'a number';
  if (min !== undefined && max !== undefined && !aboveMin) return `${noun} from ${min} to ${max}`;
  const bounds: string[] = [];
  if (min !== undefined) bounds.push(`${aboveMin ? 'above' : 'at least'} ${min}`);
  if (max !== undefined) bounds.push(`at most ${max}`);
  return [noun, bounds.join(' and ')].filter(Boolean).join(' ');
}

export function checkString(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw invalid(`${field} must be a non-empty string.`, { field, value });
  }
  return value;
}

export function checkOneOf<T extends string | number>(
  value: unknown,
  allowed: readonly T[],
  field: string,
): T {
  if (!allowed.includes(value as T)) {
    throw invalid(`${field} must be one of ${allowed.join(', ')}.`, { field, value });
  }
  return value as T;
}

export function checkArray(value: unknown, field: string, { nonEmpty = false } = {}): readonly unknown[] {
  if (!Array.isArray(value) || (nonEmpty && value.length === 0)) {
    throw invalid(`${field} must be ${nonEmpty ? 'a non-empty' : 'an'} array.`, { field });
  }
  return value;
}

export function checkDuration(duration: Duration, field: string): void {
  if (typeof duration !== 'object' || duration === null) {
    throw invalid(`${field} must be a duration object.`, { field });
  }
  checkOneOf(duration.kind, DURATION_KINDS, `${field}.kind`);
  switch (duration.kind) {
    case 'fixed':
      checkNumber(duration.seconds, `${field}.seconds`, { min: 0 });
      return;
    case 'exponential':
      checkNumber(duration.meanSeconds, `${field}.meanSeconds`, { min: 0, aboveMin: true });
      return;
    case 'lognormal':
      checkNumber(duration.meanSeconds, `${field}.meanSeconds`, { min: 0, aboveMin: true });
      checkNumber(duration.cv, `${field}.cv`, { min: 0, aboveMin: true });
      return;
    case 'empirical':
      checkEmpirical(duration.points, `${field}.points`);
  }
}

function checkEmpirical(points: unknown, field: string): void {
  const list = checkArray(points, field, { nonEmpty: true });
  let previousSeconds = 0;
  let previousCumulative = 0;
  for (const [i, point] of list.entries()) {
    const { seconds, cumulative } = (point ?? {}) as Partial<CumulativePoint>;
    previousSeconds = checkNumber(seconds, `${field}[${i}].seconds`, { min: previousSeconds });
    previousCumulative = checkNumber(cumulative, `${field}[${i}].cumulative`, {
      min: previousCumulative,
      max: 1,
    });
  }
  if (previousCumulative !== 1) {
    throw invalid(`${field}: the last point's cumulative must be 1.`, { field });
  }
}
