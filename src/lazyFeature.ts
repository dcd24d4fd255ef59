// A feature nobody needs at start loads on first use: activation registers stand-ins for its commands (and its
// webview panels' serializers), and the first call imports the feature's module (from dist/onFirstUse.js: esbuild.js), lets it
// register the real ones in their place, and hands the call on. VS Code counts loading and evaluating our code
// in the extension's activation time, so what is not imported at start costs nothing there.
import * as vscode from 'vscode';

/** What a feature's module gives back once loaded: its registrations, and how it takes over a restored panel. */
export interface LoadedFeature extends vscode.Disposable {
  restore?(viewType: string, panel: vscode.WebviewPanel, state: unknown): Thenable<void> | void;
}

export interface LazyFeatureSpec {
  /** Every command the feature registers when loaded (the stand-ins carry the same ids). */
  commands: readonly string[];
  /** The view types of the webview panels it restores after a reload. */
  panels?: readonly string[];
  /** Imports the feature's module (once, on first use) and resolves to the function that registers it. */
  load(): Promise<() => LoadedFeature>;
}

export function lazyFeature(spec: LazyFeatureSpec): vscode.Disposable {
  let loading: Promise<LoadedFeature> | undefined;
  let disposed = false;
  const load = (): Promise<LoadedFeature> =>
    (loading ??= spec.load().then((register) => {
      // The stand-ins go in the same tick as the real registrations arrive (VS Code refuses a second command with
      // the same id), so no call ever finds neither.
      standIns.dispose();
      return disposed ? { dispose() {} } : register();
    }));
  const standIns = vscode.Disposable.from(
    ...spec.commands.map((id) =>
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        await load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    ),
    ...(spec.panels ?? []).map((viewType) =>
      vscode.window.registerWebviewPanelSerializer(viewType, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          const feature = await load();
          if (!feature.restore) throw new Error(`${viewType}: the feature restores no panels`);
          await feature.restore(viewType, panel, state);
        },
      }),
    ),
  );
  return {
    dispose() {
      disposed = true;
      standIns.dispose();
      void loading?.then((feature) => feature.dispose());
    },
  };
}
