import type { Clock } from '../../ports/clock.js';

/** Node's timers hold at most about 24.8 days; longer waits re-arm. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The machine's clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(at, callback) {
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      const wait = at - Date.now();
      if (wait <= 0) {
        callback();
        return;
      }
      timer = setTimeout(arm, Math.min(wait, MAX_TIMER_MS));
      // A pending schedule must not keep the process alive on its own.
      timer.unref();
    };
    arm();
    return () => clearTimeout(timer);
  },
};
