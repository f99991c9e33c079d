import { EventEmitter } from "node:events";

/**
 * In-process wake-ups: submit → "queued" wakes an idle worker at once; a settled image →
 * "settled:<batchId>" wakes anyone waiting on that batch. Workers in other processes
 * do not hear these and fall back to polling, so the signals are only a speed-up.
 */
const g = globalThis as unknown as { __pixolaSignals?: EventEmitter };
export const signals = (g.__pixolaSignals ??= new EventEmitter().setMaxListeners(0));

export const batchSettledEvent = (batchId: string) => `settled:${batchId}`;
