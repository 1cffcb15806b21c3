/** Lets requests waiting on the event loop go first. */
export const yieldToRequests = () => new Promise((resolve) => setImmediate(resolve));
