import { AsyncLocalStorage } from 'node:async_hooks';
import type { Clock } from '../../ports/clock.js';

/** The instant the work running now previews, if any (epoch ms). */
const previewed = new AsyncLocalStorage<number>();

/**
 * A clock whose `now` is the previewed instant inside {@link atPreviewTime}, and `clock`'s own
 * everywhere else. Every service reads time from the node's clock, so a preview sees scheduled
 * promotions, price lists, content and experiments as they will stand without each service taking
 * an instant of its own. `schedule` keeps real time: nothing is ever scheduled at a previewed time.
 */
export function previewableClock(clock: Clock): Clock {
  return {
    now: () => previewed.getStore() ?? clock.now(),
    schedule: (at, callback) => clock.schedule(at, callback),
  };
}

/**
 * Runs `work` as if it were `at`, for the node's {@link previewableClock}. The caller makes sure the
 * work records nothing: whatever it started that outlives it would also see the previewed time.
 */
export function atPreviewTime<T>(at: number, work: () => Promise<T>): Promise<T> {
  return previewed.run(at, work);
}
