// Child process: a raw node:http server that answers every request with the same captured bytes
// (status, headers and body of one mock answer): the baseline the mocks are compared with.
import { createServer } from 'node:http';

const { status, headers, body } = JSON.parse(process.argv[2]);
const server = createServer((req, res) => {
  req.resume();
  res.writeHead(status, headers);
  res.end(body);
});
server.keepAliveTimeout = 5_000;
server.listen(0, '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${server.address().port}` }));
process.on('message', (m) => {
  if (m === 'stop') {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }
});
