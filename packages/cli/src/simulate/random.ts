import { mulberry32 } from '@switchboard/core';

/** Seeded randomness for the live simulation, so a run can be repeated. */
export interface Random {
  uniform(): number;
  exponential(mean: number): number;
  between(min: number, max: number): number;
}

export function seededRandom(seed: number): Random {
  const uniform = mulberry32(seed);
  return {
    uniform,
    exponential: (mean) => -Math.log(1 - uniform()) * mean,
    between: (min, max) => min + uniform() * (max - min),
  };
}
