/**
 * A merchant's mailer for the journeys benchmark: takes every webhook (204) and nothing else, in
 * its own process, as an e-mail provider would be, so its work is not counted as Attune's.
 */
import { createServer } from 'node:http';

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(204).end());
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.send?.({ port: typeof address === 'object' && address !== null ? address.port : 0 });
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
