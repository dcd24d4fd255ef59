// `npm run hub -- --port 8787 [--key sk-demo | --no-auth] [--latency-ms 20]`: the local hub as a process, for
// trying a client by hand and for tests running elsewhere (an extension host, a browser). The runner parses the
// one line it prints, so that line's wording is part of the interface.
import { parseArgs } from 'node:util';
import type { MoneyMode } from './money';
import { startHub } from './server';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      host: { type: 'string', default: '127.0.0.1' },
      key: { type: 'string' },
      'no-auth': { type: 'boolean', default: false },
      'latency-ms': { type: 'string', default: '0' },
      /** The billing mode as JSON, e.g. '{"flavour":"openrouter","account":"low"}' (see test/hub/money.ts). */
      money: { type: 'string' },
    },
  });
  const port = Number(values.port);
  const latencyMs = Number(values['latency-ms']);
  if (!Number.isInteger(port) || port < 0 || !Number.isFinite(latencyMs) || latencyMs < 0) {
    throw new Error(`bad --port ${values.port} or --latency-ms ${values['latency-ms']}`);
  }
  const hub = await startHub({
    port,
    host: values.host,
    apiKey: values['no-auth'] ? null : (values.key ?? 'sk-test-key'),
    latencyMs,
    money: values.money ? (JSON.parse(values.money) as Partial<MoneyMode>) : undefined,
  });
  console.log(`AI Hub local server listening on ${hub.url}`);
  const stop = () => {
    void hub.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  // A busy port or a typo must fail loudly and at once: the runner waits for the listening line otherwise.
  console.error(`AI Hub local server could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
