import { performance } from 'node:perf_hooks';
import { startHub } from '../test/hub/server';
import { HubClient } from '../src/core/hub/client';
import { feedEvents } from './stream/bareParse';
import { collectGarbage } from './stats';
import { toolCallBody, reasoningBody } from './stream/bodies';
async function main() {
  const n = Number(process.argv[3] ?? 100000);
  const kind = process.argv[2] ?? 'text';
  const hub = await startHub({ apiKey: null });
  const scenario: any = kind === 'text' ? { kind: 'chunks', count: n } : { kind: 'raw', body: kind === 'tool' ? toolCallBody(n) : reasoningBody(n) };
  const body = JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'x' }], stream: true });
  const post = (signal?: AbortSignal) => fetch(`${hub.url}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, signal });
  const client = new HubClient({ baseUrl: hub.url, getApiKey: () => 'k', maxRetries: 0 });
  const variants: [string, () => Promise<unknown>][] = [
    ['bare', async () => feedEvents(await post(), (d) => d !== '[DONE]' && JSON.parse(d))],
    ['bare+signal', async () => { const c = new AbortController(); await feedEvents(await post(c.signal), (d) => d !== '[DONE]' && JSON.parse(d)); }],
    ['ours', async () => client.streamChat({ model: 'm', messages: [{ role: 'user', content: 'x' }] }, { onEvent: () => undefined })],
  ];
  const rounds = Number(process.env.ROUNDS ?? 9);
  hub.enqueue(scenario, rounds * variants.length + 10);
  const t: number[][] = variants.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < variants.length; k++) {
      const i = (k + r) % variants.length;
      collectGarbage();
      const s = performance.now();
      await variants[i][1]();
      if (r > 1) t[i].push(performance.now() - s);
    }
  }
  const med = (a: number[]) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  console.log(kind, n, variants.map(([name], i) => `${name} ${med(t[i]).toFixed(1)} (min ${Math.min(...t[i]).toFixed(1)})`).join(' | '));
  await hub.close();
}
void main();
