// The part of VS Code's built-in Git extension API (`vscode.git`, `getAPI(1)`) the commit-message command uses,
// shaped as the extension's own git.d.ts declares it; only these members are relied on.
import * as vscode from 'vscode';

/** git.d.ts `Status`: the members used here. */
export const GitStatus = { UNTRACKED: 7, DELETED: 6, INDEX_DELETED: 2 } as const;

export interface GitChange {
  readonly uri: vscode.Uri;
  readonly status: number;
}

export interface GitCommit {
  readonly hash: string;
  readonly message: string;
}

export interface GitRepository {
  readonly rootUri: vscode.Uri;
  readonly inputBox: { value: string };
  readonly state: {
    readonly indexChanges: readonly GitChange[];
    readonly workingTreeChanges: readonly GitChange[];
    /** Only with `git.untrackedChanges: separate`; otherwise untracked files are among the working-tree changes. */
    readonly untrackedChanges?: readonly GitChange[];
  };
  /** `git diff`, or `git diff --cached` for the staged changes. */
  diff(cached?: boolean): Promise<string>;
  log(options?: { maxEntries?: number }): Promise<GitCommit[]>;
  status(): Promise<void>;
}

export interface GitApi {
  readonly state: 'uninitialized' | 'initialized';
  readonly onDidChangeState: vscode.Event<'uninitialized' | 'initialized'>;
  readonly repositories: readonly GitRepository[];
  getRepository(uri: vscode.Uri): GitRepository | null;
}

interface GitExtension {
  readonly enabled: boolean;
  getAPI(version: 1): GitApi;
}

const INIT_TIMEOUT_MS = 15_000;

/** The Git API once it has found the open repositories, or why there is none. */
export async function gitApi(): Promise<GitApi | string> {
  const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
  if (!extension)
    return vscode.l10n.t("VS Code's Git extension is not installed or is disabled. Enable the built-in Git extension, then try again.");
  const exports = extension.isActive ? extension.exports : await extension.activate();
  // The Git extension reports itself disabled both when "git.enabled" is off and when it found no git to run.
  if (!exports.enabled) return vscode.l10n.t('Git is not available in VS Code: the "git.enabled" setting is off, or git is not installed.');
  const api = exports.getAPI(1);
  if (api.state === 'initialized') return api;
  let listener: vscode.Disposable | undefined;
  const initialized = await Promise.race([
    new Promise<boolean>((resolve) => (listener = api.onDidChangeState((state) => state === 'initialized' && resolve(true)))),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(false), INIT_TIMEOUT_MS)),
  ]).finally(() => listener?.dispose());
  return initialized ? api : vscode.l10n.t("VS Code's Git extension is still looking for repositories. Try again in a moment.");
}
