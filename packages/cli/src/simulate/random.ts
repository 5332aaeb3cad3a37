/** Seeded randomness for the live simulation (mulberry32), so a run can be repeated. */
export interface Random {
  uniform(): number;
  exponential(mean: number): number;
  between(min: number, max: number): number;
}

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  const uniform = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    uniform,
    exponential: (mean) => -Math.log(1 - uniform()) * mean,
    between: (min, max) => min + uniform() * (max - min),
  };
}
