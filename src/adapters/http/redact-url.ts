/** Hides credentials that browsers must pass in the query string (the live stream's key and token). */
export function redactUrl(url: string): string {
  return url.replace(/([?&](?:key|token)=)[^&]*/gi, '$1[redacted]');
}
