/** What bench/demoLoadChild.ts prints (one JSON line) and bench/demo.bench.ts reads back. */

/** Register scans the child files after the demo when asked for the larger load. */
export const EXTRA_REGISTER_SCANS = 65;

export interface StepTime {
  step: string;
  wall: number;
  cpu: number;
  /** CPU of the loading thread alone (the rest is the file worker's, and V8's and libuv's helpers'). */
  mainCpu: number;
  events: number;
}

export interface LoadTimes {
  wall: number;
  cpu: number;
  mainCpu: number;
  steps: StepTime[];
}
