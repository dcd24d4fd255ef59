// The one way an e2e suite gets a real VS Code with this extension under development, in Chromium: started in
// the suite's `before`, and stopped in its `after` (browser, then code-server's whole process group), pass or fail.
// A suite that needs a hub starts it in a `before` declared first, so its URL can go into the settings here.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';
import { startHub, type HubServerOptions, type LocalHub } from '../hub/server';
import { startCodeServer, type CodeServer, type CodeServerOptions } from '../runner/codeServer';
import { REPO_ROOT } from '../runner/toolchain';
import { openWorkbench, remoteUri, screenshotIfFailed, type Workbench, type WorkbenchOptions } from '../runner/workbench';

export interface SessionOptions extends CodeServerOptions {
  /** Files written into the workspace before the window opens: path relative to the workspace → content. */
  files?: Record<string, string | Buffer>;
  /** Runs once code-server is up and before the window opens (to seed the extension's storage, say). */
  beforeOpen?: (server: CodeServer) => void;
  workbench?: Omit<WorkbenchOptions, 'payload'>;
}

export interface Session {
  readonly server: CodeServer;
  readonly workbench: Workbench;
  readonly page: Page;
}

/**
 * Registers the suite's `before`/`after` for the local hub in this process (keyless by default: a hub on loopback
 * needs no key). Declared before the session, so its URL is known when the session's options are read.
 */
export function useLocalHub(options: HubServerOptions = { apiKey: null }): () => LocalHub {
  let hub: LocalHub | undefined;
  before(async () => {
    hub = await startHub(options);
  });
  after(async () => {
    await hub?.close();
  });
  return () => hub!;
}

/** Registers the suite's `before`/`after`; `options` is read in `before`, after any hub the suite started. */
export function useExtensionSession(options: () => SessionOptions): Session {
  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  before(async () => {
    const { files, beforeOpen, workbench: workbenchOptions, ...serverOptions } = options();
    server = await startCodeServer({ smokeTestDriver: true, ...serverOptions });
    for (const [name, content] of Object.entries(files ?? {})) {
      fs.mkdirSync(path.dirname(path.join(server.dirs.workspace, name)), { recursive: true });
      fs.writeFileSync(path.join(server.dirs.workspace, name), content);
    }
    beforeOpen?.(server);
    workbench = await openWorkbench(server, {
      ...workbenchOptions,
      payload: [
        ['extensionDevelopmentPath', remoteUri(server, REPO_ROOT)],
        ['skipWelcome', 'true'],
      ],
    });
  });
  afterEach(async function () {
    await screenshotIfFailed(this.currentTest, workbench?.page, 'session');
  });
  after(async () => {
    await workbench?.close();
    await server?.stop();
  });
  return {
    get server() {
      return server!;
    },
    get workbench() {
      return workbench!;
    },
    get page() {
      return workbench!.page;
    },
  };
}
