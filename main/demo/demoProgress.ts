/**
 * Progress of the demo load over ALL its steps (organisation, cadres, each file generated, each
 * material filed, and whatever later parts add), so the first-run screen and `onebag demo` show
 * real done/total figures rather than a spinner. Every part plans its steps before the load starts
 * reporting, so the total never changes while the bar moves.
 */
import type { ProgressEvent } from '../../shared/api';

export type ProgressSink = (e: ProgressEvent) => void;

export class DemoProgress {
  private total = 0;
  private done = 0;
  private readonly sinks: ProgressSink[];

  constructor(
    private readonly jobId: string,
    ...sinks: Array<ProgressSink | undefined>
  ) {
    this.sinks = sinks.filter((s): s is ProgressSink => typeof s === 'function');
  }

  /** Adds `steps` to the plan (call before the first step is reported). */
  plan(steps: number): void {
    this.total += steps;
  }

  get planned(): number {
    return this.total;
  }

  /** `steps` more steps are done; `label` says what is being done now. */
  step(label: string, steps = 1): void {
    this.done = Math.min(this.total, this.done + steps);
    this.emit({ jobId: this.jobId, label, done: this.done, total: this.total });
  }

  /** Says what is being done now without counting a step (before a long one). */
  announce(label: string): void {
    this.emit({ jobId: this.jobId, label, done: this.done, total: this.total });
  }

  finish(label: string): void {
    this.done = this.total;
    this.emit({ jobId: this.jobId, label, done: this.done, total: this.total, finished: true });
  }

  private emit(e: ProgressEvent): void {
    for (const s of this.sinks) s(e);
  }
}
