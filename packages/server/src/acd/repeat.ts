/** Runs `tick` every `ms` until the returned stop is called; tests pass one they fire by hand. */
export type Repeat = (ms: number, tick: () => void) => () => void;

export const everyInterval: Repeat = (ms, tick) => {
  const timer = setInterval(tick, ms);
  timer.unref();
  return () => clearInterval(timer);
};
