export { run } from '../packages/sim/src/testing/speed.ts';
