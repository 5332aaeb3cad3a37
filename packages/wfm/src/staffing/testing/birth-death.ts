/**
 * A brute-force oracle for Erlang C and Erlang A, sharing no formula with the engine: the queue's stationary
 * distribution by summing the birth–death chain state by state (truncated where the states stop
 * mattering), and the fate of a tagged arrival by uniformizing the pure-death chain of its position in line.
 * Slow (O(states × time steps)) and meant for small queues in tests only.
 */

export interface OracleInput {
  agents: number;
  arrivalsPerSecond: number;
  ahtSeconds: number;
  /** Infinity for Erlang C (needs A < n). */
  patienceSeconds: number;
  answerWithinSeconds: number;
}

export interface OracleResult {
  waitProbability: number;
  abandonProbability: number;
  /** Answered within t, over all arrivals. */
  answeredWithin: number;
  /** Still waiting (neither answered nor abandoned) at t, over all arrivals. */
  stillWaitingAt: number;
  asaSeconds: number;
  meanQueueLength: number;
}

const NEGLIGIBLE = 1e-17;

export function birthDeathOracle(input: OracleInput): OracleResult {
  const n = input.agents;
  const lambda = input.arrivalsPerSecond;
  const mu = 1 / input.ahtSeconds;
  const theta = Number.isFinite(input.patienceSeconds) ? 1 / input.patienceSeconds : 0;

  // Unnormalized π_j for j = 0…n + K: each from the last by the balance λ·π_(j−1) = (departure rate)·π_j.
  const weights = [1];
  let largest = 1;
  for (let j = 1; ; j++) {
    const departures = Math.min(j, n) * mu + Math.max(0, j - n) * theta;
    const w = ((weights[j - 1] as number) * lambda) / departures;
    weights.push(w);
    largest = Math.max(largest, w);
    if (j > n && w < NEGLIGIBLE * largest && lambda < departures) break;
  }
  const total = weights.reduce((s, w) => s + w, 0);
  const pi = weights.map((w) => w / total);
  const queueing = pi.slice(n);
  const waitProbability = queueing.reduce((s, p) => s + p, 0);
  const meanQueueLength = queueing.reduce((s, p, k) => s + k * p, 0);

  // A tagged arrival finding k ahead (state n + k) moves up at nμ + iθ while i are ahead and leaves at θ.
  // E[W·1{served}] = Σ_k P(k ahead)·P(served | k)·Σ_stages mean stage time.
  let servedWaitSum = 0;
  let servedAfterWaiting = 0;
  for (let k = 0; k < queueing.length; k++) {
    let survive = 1;
    let meanTime = 0;
    for (let i = k; i >= 0; i--) {
      const rate = n * mu + i * theta + theta;
      meanTime += 1 / rate;
      survive *= (n * mu + i * theta) / rate;
    }
    servedAfterWaiting += (queueing[k] as number) * survive;
    servedWaitSum += (queueing[k] as number) * survive * meanTime;
  }
  const served = 1 - waitProbability + servedAfterWaiting;

  const { servedBy, waitingAt } = uniformize(queueing, n * mu, theta, input.answerWithinSeconds);
  return {
    waitProbability,
    abandonProbability: theta === 0 ? 0 : (theta * meanQueueLength) / lambda,
    answeredWithin: 1 - waitProbability + servedBy,
    stillWaitingAt: waitingAt,
    asaSeconds: servedWaitSum / served,
    meanQueueLength,
  };
}

/** Transient pure-death chain of the tagged caller's position, by uniformization up to time t. */
function uniformize(start: number[], serviceRate: number, theta: number, t: number) {
  const positions = start.length;
  const uniform = serviceRate + positions * theta + theta;
  const steps = Math.ceil(uniform * t + 12 * Math.sqrt(uniform * t) + 30);
  let mass = start.slice();
  let served = 0;
  // Poisson(uniform·t) weights in log space: e^(−uniform·t) alone would be subnormal for long thresholds.
  let logPoisson = -uniform * t;
  let servedBy = 0;
  let waitingAt = 0;
  for (let m = 0; m <= steps; m++) {
    const poisson = Math.exp(logPoisson);
    servedBy += poisson * served;
    waitingAt += poisson * mass.reduce((s, p) => s + p, 0);
    const next = new Array<number>(positions).fill(0);
    for (let i = 0; i < positions; i++) {
      const p = mass[i] as number;
      const forward = serviceRate + i * theta;
      if (i === 0) served += (p * forward) / uniform;
      else next[i - 1] = (next[i - 1] as number) + (p * forward) / uniform;
      next[i] = (next[i] as number) + (p * (uniform - forward - theta)) / uniform;
    }
    mass = next;
    logPoisson += Math.log(uniform * t) - Math.log(m + 1);
  }
  return { servedBy, waitingAt };
}
