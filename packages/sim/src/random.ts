/**
 * xoshiro128** (Blackman & Vigna): a small, fast generator with 128 bits of state, seeded through splitmix32 so
 * that nearby seeds and stream numbers give unrelated sequences. Deterministic: the same seed and stream always
 * give the same numbers, which is what makes a simulation repeatable.
 */
export class SeededRandom {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /**
   * @param seed any safe integer
   * @param stream separates independent sequences drawn from one seed (arrivals, handle times …)
   */
  constructor(seed: number, stream = 0) {
    // Seed words (low 32 bits, high bits, stream) are folded in one at a time, each through splitmix32.
    const low = splitmix32(seed >>> 0);
    const high = splitmix32(low() ^ (Math.floor(seed / 4_294_967_296) | 0));
    const streamMixer = splitmix32(high() ^ (stream | 0));
    this.#a = streamMixer();
    this.#b = streamMixer();
    this.#c = streamMixer();
    this.#d = streamMixer();
    // An all-zero state would only ever produce zeros.
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number {
    const b = this.#b;
    const result = Math.imul(rotateLeft(Math.imul(b, 5), 7), 9) >>> 0;
    const shifted = b << 9;
    this.#c ^= this.#a;
    this.#d ^= b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= shifted;
    this.#d = rotateLeft(this.#d, 11);
    return result;
  }

  /** Uniform on the open interval (0, 1): never 0 or 1, so its logarithm is always finite. */
  uniform(): number {
    return (this.nextUint32() + 0.5) / 4_294_967_296;
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }

  /** Standard normal (Box–Muller; one of the pair is used, which keeps the generator stateless beyond xoshiro). */
  normal(): number {
    return Math.sqrt(-2 * Math.log(this.uniform())) * Math.cos(2 * Math.PI * this.uniform());
  }
}

const rotateLeft = (x: number, k: number): number => (x << k) | (x >>> (32 - k));

function splitmix32(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) | 0;
  };
}
