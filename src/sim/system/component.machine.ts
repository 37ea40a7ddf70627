/**
 * The life of a component as an XState machine: `running` (watching, working,
 * ticking every `periodMs` on the virtual clock) or `stopped` (a dead process).
 */
import { setup } from 'xstate';
import type { Component } from './component';

/** Events a component actor accepts. */
export type ComponentEvent = { type: 'work' } | { type: 'stop' } | { type: 'start' };

/** A never-firing delay for components without periodic work. */
const NO_PERIOD = 2 ** 31 - 1;

export const componentMachine = setup({
  types: {
    context: {} as { component: Component },
    input: {} as { component: Component },
    events: {} as ComponentEvent,
  },
  actions: {
    start: ({ context }) => context.component.start(),
    stop: ({ context }) => context.component.stop(),
    work: ({ context }) => context.component.work(),
    tick: ({ context }) => context.component.tick?.(),
  },
  guards: {
    periodic: ({ context }) => context.component.periodMs !== undefined,
  },
  delays: {
    period: ({ context }) => context.component.periodMs ?? NO_PERIOD,
  },
}).createMachine({
  id: 'component',
  context: ({ input }) => ({ component: input.component }),
  initial: 'running',
  states: {
    running: {
      entry: 'start',
      exit: 'stop',
      on: {
        work: { actions: 'work' },
        stop: { target: 'stopped' },
      },
      initial: 'waiting',
      states: {
        waiting: {
          after: {
            period: { guard: 'periodic', target: 'waiting', reenter: true, actions: 'tick' },
          },
        },
      },
    },
    stopped: {
      on: { start: { target: 'running' } },
    },
  },
});
