// The extension host's V8 inspector (the workbench started it with `inspect-brk-extensions`): a CPU profile of
// the host from its first line, and the tasks it ran, read from the profile's samples.
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
  socket.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id?: number; result?: unknown; error?: { message: string } };
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
    close: () => socket.close(),
  };
}

export interface Task {
  /** ms from the profile's start. */
  start: number;
  ms: number;
  /** ms of samples in it whose stack has a frame of the extension's bundle. */
  oursMs: number;
  /** The extension's functions that ran in it, by self-and-below time (ms), longest first. */
  ours: [string, number][];
}

/**
 * The tasks of the profile: runs of samples between idle ones. A sample is V8's view of the stack every
 * sampling interval; the host is idle (its event loop waiting) when the sample's top frame is `(idle)`.
 */
export function tasksOf(profile: CpuProfile, isOurs: (url: string) => boolean): Task[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  /** The outermost frame of the extension's bundle in the sample's stack, by name. */
  const ourFrame = new Map<number, string | undefined>();
  const frameOf = (id: number): string | undefined => {
    if (ourFrame.has(id)) return ourFrame.get(id);
    let found: string | undefined;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at)!.callFrame;
      if (isOurs(frame.url)) found = `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    }
    ourFrame.set(id, found);
    return found;
  };
  const tasks: Task[] = [];
  let current: (Task & { byFrame: Map<string, number> }) | undefined;
  let time = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] / 1000;
    time += delta;
    const node = byId.get(profile.samples[i])!;
    if (node.callFrame.functionName === '(idle)') {
      if (current) tasks.push({ ...current, ours: [...current.byFrame].sort((a, b) => b[1] - a[1]) });
      current = undefined;
      continue;
    }
    current ??= { start: time, ms: 0, oursMs: 0, ours: [], byFrame: new Map() };
    current.ms += delta;
    const ours = frameOf(node.id);
    if (ours) {
      current.oursMs += delta;
      current.byFrame.set(ours, (current.byFrame.get(ours) ?? 0) + delta);
    }
  }
  if (current) tasks.push({ ...current, ours: [...current.byFrame].sort((a, b) => b[1] - a[1]) });
  return tasks.map(({ start, ms, oursMs, ours }) => ({ start, ms, oursMs, ours }));
}
