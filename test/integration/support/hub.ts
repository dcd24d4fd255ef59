// What every integration suite needs from the local hub the runner started: its address, its key, its control
// API (queue a scenario, forget what it recorded, read what it received) and a way to wait for a state.
import * as assert from 'node:assert/strict';

export const hubUrl = process.env.AIHUB_TEST_HUB_URL ?? '';
export const hubKey = process.env.AIHUB_TEST_KEY ?? '';
export const hubOrigin = hubUrl ? new URL(hubUrl).origin : '';

export async function enqueue(scenario: unknown, times = 1): Promise<void> {
  const response = await fetch(`${hubOrigin}/__hub/enqueue`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ scenario, times }),
  });
  assert.equal(response.status, 200, 'the local hub queued the scenario');
}

export async function resetHub(): Promise<void> {
  await fetch(`${hubOrigin}/__hub/reset`, { method: 'POST' });
}

/** Every request the hub recorded since the last reset, oldest first. */
export async function hubRequests<T = unknown>(): Promise<T[]> {
  return (await (await fetch(`${hubOrigin}/__hub/requests`)).json()) as T[];
}

/** Reads until `ok` holds, failing with the last value seen after `timeoutMs`. */
export async function until<T>(read: () => T | PromiseLike<T>, ok: (value: T) => boolean, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!ok(last)) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
    await new Promise((r) => setTimeout(r, 100));
    last = await read();
  }
  return last;
}
