// The local hub over real HTTP and a hub client on it, for unit suites of code that streams from a hub.
import { HubClient } from '../../src/core/hub/client';
import { startHub, type LocalHub } from '../hub/server';

export interface LocalHubClient {
  readonly hub: LocalHub;
  readonly client: HubClient;
}

/**
 * Registers the suite's hooks: the local hub started before it and closed after it, with its scenario queue and
 * recorded requests emptied before each test; the client never retries, so a test sees every failure itself.
 * `key` is the key the hub requires and the client sends; without one the hub is keyless.
 */
export function useLocalHubClient(key: string | null = null): LocalHubClient {
  let hub: LocalHub | undefined;
  let client: HubClient | undefined;
  before(async () => {
    hub = await startHub({ apiKey: key });
    client = new HubClient({
      baseUrl: hub.url,
      getApiKey: () => key ?? undefined,
      keyOptional: key === null,
      maxRetries: 0,
      idleTimeoutMs: 5_000,
    });
  });
  after(() => hub?.close());
  beforeEach(() => {
    hub!.clearQueue();
    hub!.requests.length = 0;
  });
  return {
    get hub() {
      return hub!;
    },
    get client() {
      return client!;
    },
  };
}
