// The extension host's V8 inspector (the workbench started it with `inspect-brk-extensions`): a CPU profile of
// the host from its first line, and what ran in given stretches of time, read from the profile's samples.
import { createRequire } from 'node:module';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

interface Socket {
  on(event: 'message', listener: (data: Buffer) => void): void;
  on(event: 'open' | 'close', listener: () => void): void;
  on(event: 'error', listener: (err: Error) => void): void;
  send(data: string): void;
  close(): void;
}

// Node 20 has no WebSocket client without a flag; playwright-core exports the `ws` it bundles (no typings).
const { ws: WebSocketClient } = createRequire(__filename)('playwright-core/lib/utilsBundle') as {
  ws: new (url: string, options: object) => Socket;
};

export interface Inspector {
  send<T = unknown>(method: string, params?: Record<string, unknown>): Promise<T>;
  /** The next event `method` the inspector sends (e.g. `Debugger.paused`). */
  next(method: string): Promise<unknown>;
  close(): void;
}

/** Connects once the host listens on `port` (it waits there for a debugger before running anything). */
export async function connectInspector(port: number, timeoutMs = 120_000): Promise<Inspector> {
  const end = Date.now() + timeoutMs;
  let url: string | undefined;
  while (!url) {
    try {
      const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
      url = targets[0]?.webSocketDebuggerUrl;
    } catch {
      // not listening yet
    }
    if (!url) {
      if (Date.now() > end) throw new Error(`the extension host's inspector did not open on port ${port}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const socket = new WebSocketClient(url, { maxPayload: 2 ** 30 });
  await new Promise<void>((resolve, reject) => {
    socket.on('open', resolve);
    socket.on('error', reject);
  });
  let next = 1;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  const events = new Map<string, ((params: unknown) => void)[]>();
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as {
      id?: number;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: { message: string };
    };
    if (message.method) for (const listener of events.get(message.method)?.splice(0) ?? []) listener(message.params);
    const waiter = message.id === undefined ? undefined : pending.get(message.id);
    if (!waiter) return;
    pending.delete(message.id!);
    if (message.error) waiter.reject(new Error(message.error.message));
    else waiter.resolve(message.result);
  });
  return {
    send: <T>(method: string, params: Record<string, unknown> = {}) =>
      new Promise<T>((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        socket.send(JSON.stringify({ id, method, params }));
      }),
    next: (method) =>
      new Promise((resolve) => {
        if (!events.has(method)) events.set(method, []);
        events.get(method)!.push(resolve);
      }),
    close: () => socket.close(),
  };
}

export interface Stretch {
  /** ms from the profile's start. */
  start: number;
  ms: number;
  /** ms of the profile's samples in it that ran the extension's own code (or what it called). */
  oursMs: number;
  /** The extension's functions that ran in it (each sample counted for the innermost one on its stack), longest first. */
  ours: [string, number][];
}

/**
 * What ran in each stretch `[startUs, endUs]` (the monotonic clock of the profile), from the profile's samples:
 * a sample counts as ours when a frame of the extension's bundle is on its stack, for the innermost such frame.
 */
export function whatRan(profile: CpuProfile, stretches: [number, number][], isOurs: (url: string) => boolean): Stretch[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const ourFrame = new Map<number, string | undefined>();
  const frameOf = (id: number): string | undefined => {
    if (ourFrame.has(id)) return ourFrame.get(id);
    let found: string | undefined;
    for (let at: number | undefined = id; at !== undefined && found === undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (isOurs(frame.url)) found = `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    }
    ourFrame.set(id, found);
    return found;
  };
  const times: number[] = [];
  let t = profile.startTime;
  for (const delta of profile.timeDeltas) times.push((t += delta));
  return stretches.map(([startUs, endUs]) => {
    const byFrame = new Map<string, number>();
    let oursMs = 0;
    for (let i = 1; i < times.length; i++) {
      // A sample stands for the time since the one before it, clipped to the stretch.
      const from = Math.max(times[i - 1], startUs);
      const to = Math.min(times[i], endUs);
      if (to <= from) continue;
      const frame = frameOf(profile.samples[i]);
      if (!frame) continue;
      const ms = (to - from) / 1000;
      oursMs += ms;
      byFrame.set(frame, (byFrame.get(frame) ?? 0) + ms);
    }
    return {
      start: (startUs - profile.startTime) / 1000,
      ms: (endUs - startUs) / 1000,
      oursMs,
      ours: [...byFrame].sort((a, b) => b[1] - a[1]),
    };
  });
}

/** When the extension's code first ran (ms from the profile's start), if it did. */
export function firstOurs(profile: CpuProfile, isOurs: (url: string) => boolean): number | undefined {
  const ours = new Set(profile.nodes.filter((n) => isOurs(n.callFrame.url)).map((n) => n.id));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  let t = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    for (let at: number | undefined = profile.samples[i]; at !== undefined; at = parent.get(at)) if (ours.has(at)) return t / 1000;
  }
  return undefined;
}
