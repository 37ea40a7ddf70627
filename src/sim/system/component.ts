/**
 * What every control-plane and node component (scheduler, controllers, kubelets)
 * offers the actor system. Each runs as an XState actor (component.machine.ts):
 * the machine is its life (running or stopped) and its work loop.
 */
import type { VirtualClock } from '../core/clock';
import type { Rng } from '../core/rng';
import { ProcessTimers } from '../core/timers';
import type { ApiServer } from '../apiserver/apiserver';
import { EventRecorder, type EventSource } from '../client/events';
import { InformerFactory } from '../client/informer';

/** A simulated process driven by its actor. */
export interface Component {
  /** The actor's systemId: `scheduler`, `controller/replicaset`, `kubelet/node-1`. */
  readonly id: string;
  /** Period of `tick` in virtual ms, if the component has periodic work. */
  readonly periodMs?: number;
  /** Begins (or resumes after a restart): list, watch, register. */
  start(): void;
  /** Stops: the process is gone, with its watches, timers and in-memory state. */
  stop(): void;
  /** Processes queued work (the actor calls it on `work`). */
  work(): void;
  /** Periodic work (heartbeats, monitors), called every `periodMs` while running. */
  tick?(): void;
  /** Set by the actor system: asks this component's actor for a work pass. */
  requestWork: () => void;
}

/** What a component needs from the cluster: the API, the clock, the RNG. */
export interface ComponentContext {
  api: ApiServer;
  clock: VirtualClock;
  rng: Rng;
}

/** Per-process plumbing: its informers and timers (several components may share one process). */
export class Process {
  readonly informers: InformerFactory;
  readonly timers: ProcessTimers;

  constructor(readonly ctx: ComponentContext) {
    this.informers = new InformerFactory(ctx.api, ctx.clock, ctx.rng);
    this.timers = new ProcessTimers(ctx.clock);
  }

  /** An event recorder reporting as `source`. */
  recorder(source: EventSource): EventRecorder {
    return new EventRecorder(this.ctx.api, this.ctx.clock, this.ctx.rng, source);
  }
}
