// `npm run hub -- --port 8787 [--key sk-demo | --no-auth] [--latency-ms 20]`: the local hub as a process.
import { parseArgs } from 'node:util';
import { startHub } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8787' },
    host: { type: 'string', default: '127.0.0.1' },
    key: { type: 'string' },
    'no-auth': { type: 'boolean', default: false },
    'latency-ms': { type: 'string', default: '0' },
  },
});

async function main(): Promise<void> {
  const hub = await startHub({
    port: Number(values.port),
    host: values.host,
    apiKey: values['no-auth'] ? null : (values.key ?? 'sk-test-key'),
    latencyMs: Number(values['latency-ms']),
  });
  console.log(`AI Hub local server listening on ${hub.url}`);
  const stop = () => {
    void hub.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
