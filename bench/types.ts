/** One measured figure, printed by bench/run.ts and compared with the target. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: 'ms' | 'MB/s' | 's' | 'MB' | '×' | '%';
  /** Target from the issue; `better` says which side passes. */
  target: number;
  better: 'lower' | 'higher';
}
export type Bench = () => Promise<BenchFigure[]>;
