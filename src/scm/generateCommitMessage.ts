// AI Hub: Generate Commit Message. Describes the staged changes (or every change, untracked files included, when
// nothing is staged) with the default model, in the style of the repository's recent commits, streaming the
// message into the Source Control input box. Cancel in the notification aborts the request; a failure or a
// cancel puts back what the input box held before; typing in the box meanwhile stops it and keeps what was typed.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { buildCommitPrompt, cleanCommitMessage } from '../core/commitMessage/commitPrompt';
import { detectCommitStyle } from '../core/commitMessage/commitStyle';
import { newFileDiff } from '../core/commitMessage/fitDiff';
import { isHubError } from '../core/hub/errors';
import { resolveLimits } from '../core/models/limits';
import { Commands } from '../ids';
import { fixFor, offer } from '../selection/askHub';
import type { Services } from '../services';
import { gitApi, GitStatus, type GitApi, type GitRepository } from './gitApi';

/** Commits whose subjects show the repository's style. */
const STYLE_SAMPLE = 30;
/** An untracked file larger than this is named, not read: it would be cut to a share of the budget anyway. */
const MAX_UNTRACKED_BYTES = 512 * 1024;
const SELECT_MODEL = { label: vscode.l10n.t('Select Model'), command: Commands.selectModel };

/** What writing a commit message uses: the model setting, the log, the model's limits, a measured client. */
type CommitMessageServices = Pick<Services, 'config' | 'log' | 'models' | 'usage'>;

export function registerGenerateCommitMessage(services: CommitMessageServices): vscode.Disposable {
  const running = new Set<string>();
  // From the Source Control title bar the argument is the repository's SourceControl (it has the rootUri).
  return vscode.commands.registerCommand(Commands.generateCommitMessage, async (arg?: unknown) => {
    const api = await gitApi();
    if (typeof api === 'string') return void offer(api);
    const repo = await pickRepository(api, arg);
    if (!repo) return undefined;
    const root = repo.rootUri.toString();
    if (running.has(root)) {
      void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub is already writing a commit message for this repository.'));
      return undefined;
    }
    running.add(root);
    try {
      return await generate(services, repo);
    } finally {
      running.delete(root);
    }
  });
}

function rootUriOf(arg: unknown): vscode.Uri | undefined {
  const root = arg && typeof arg === 'object' && 'rootUri' in arg ? arg.rootUri : undefined;
  return root instanceof vscode.Uri ? root : undefined;
}

async function pickRepository(api: GitApi, arg: unknown): Promise<GitRepository | undefined> {
  const root = rootUriOf(arg);
  const given = root && api.getRepository(root);
  if (given) return given;
  const repos = api.repositories;
  if (repos.length === 0) {
    offer(
      vscode.l10n.t(
        'No git repository is open. Open a folder that is in a git repository (or run "Git: Initialize Repository"), then try again.',
      ),
    );
    return undefined;
  }
  if (repos.length === 1) return repos[0];
  const active = vscode.window.activeTextEditor?.document.uri;
  const current = active && api.getRepository(active);
  if (current) return current;
  const picked = await vscode.window.showQuickPick(
    repos.map((repo) => ({ label: vscode.workspace.asRelativePath(repo.rootUri, true) || repo.rootUri.fsPath, repo })),
    { title: vscode.l10n.t('AI Hub: Commit message for which repository?') },
  );
  return picked?.repo;
}

/** The changes to describe: the staged ones, else the working tree's with untracked files added as new-file diffs. */
async function changesOf(repo: GitRepository): Promise<{ diff: string; staged: boolean }> {
  // The Git extension refreshes its state a moment after files change: ask it now so a file just saved counts.
  await repo.status();
  const staged = await repo.diff(true);
  if (staged.trim()) return { diff: staged, staged: true };
  const untracked = [...repo.state.workingTreeChanges, ...(repo.state.untrackedChanges ?? [])].filter(
    (c) => c.status === GitStatus.UNTRACKED,
  );
  const added = await Promise.all(
    untracked.map(async (change) => newFileDiff(repoPath(repo, change.uri), await readUntracked(change.uri))),
  );
  return { diff: (await repo.diff(false)) + added.join(''), staged: false };
}

/** A path as git writes it in a diff: relative to the repository's root, with forward slashes. */
function repoPath(repo: GitRepository, uri: vscode.Uri): string {
  return path.relative(repo.rootUri.fsPath, uri.fsPath).split(path.sep).join('/');
}

async function readUntracked(uri: vscode.Uri): Promise<string | { omitted: string }> {
  try {
    const { size } = await vscode.workspace.fs.stat(uri);
    if (size > MAX_UNTRACKED_BYTES) return { omitted: vscode.l10n.t('{0} bytes', size.toLocaleString('en-US')) };
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.subarray(0, 8_000).includes(0)) return { omitted: vscode.l10n.t('binary') };
    return new TextDecoder().decode(bytes);
  } catch (err) {
    return { omitted: err instanceof Error ? err.message : String(err) };
  }
}

async function recentMessages(repo: GitRepository): Promise<string[]> {
  try {
    return (await repo.log({ maxEntries: STYLE_SAMPLE })).map((c) => c.message);
  } catch {
    // A repository without commits yet has no log: the default style applies.
    return [];
  }
}

async function generate(services: CommitMessageServices, repo: GitRepository): Promise<string | undefined> {
  const name = vscode.workspace.asRelativePath(repo.rootUri, true) || repo.rootUri.fsPath;
  const model = services.config.current.defaultModel;
  if (!model) {
    offer(vscode.l10n.t('No model is chosen for AI Hub. Pick one, then try again.'), SELECT_MODEL);
    return undefined;
  }
  const [{ diff, staged }, messages] = await Promise.all([changesOf(repo), recentMessages(repo)]);
  if (!diff.trim()) {
    void vscode.window.showInformationMessage(vscode.l10n.t('AI Hub: there are no changes in {0} to write a commit message for.', name));
    return undefined;
  }
  const info = services.models.catalog.find((m) => m.id === model) ?? { id: model };
  const limits = resolveLimits(info, services.config.current.modelLimits);
  const prompt = buildCommitPrompt({ style: detectCommitStyle(messages), diff, staged, draft: repo.inputBox.value, limits });
  const n = (x: number) => x.toLocaleString('en-US');
  if (!prompt.ok) {
    offer(
      vscode.l10n.t(
        'The changes are too large for {0}: {1} files, about {2} tokens of diff, and not even their names fit beside the instructions ({3} tokens) in the {4} tokens {0} takes. Pick a model with a larger context.',
        model,
        n(prompt.files),
        n(prompt.diffTokens),
        n(prompt.fixedTokens),
        n(prompt.maxInputTokens),
      ),
      SELECT_MODEL,
    );
    return undefined;
  }
  const { diff: fitted } = prompt;
  const cutNote =
    fitted.cut + fitted.omitted > 0
      ? vscode.l10n.t('the diff is cut to fit: {0} of {1} files in full', fitted.whole, fitted.files)
      : undefined;
  services.log.info(
    `commit message: ${staged ? 'staged' : 'all'} changes in ${name}, ${fitted.files} files, ~${fitted.tokens} of ~${fitted.originalTokens} diff tokens sent to ${model}`,
  );
  const draft = repo.inputBox.value;
  const client = services.usage.client('commit');
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('AI Hub: Writing a commit message'), cancellable: true },
    async (progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      progress.report({ message: cutNote ? `${model}, ${cutNote}` : model });
      let received = '';
      // Everything this command has put in the box. VS Code echoes each value back a moment later, so the box may
      // briefly show an earlier piece of ours; anything else is the person typing: the box is theirs again, the
      // request stops, and nothing of theirs is overwritten or "restored" away.
      const ours = new Set([draft]);
      const edited = () => !ours.has(repo.inputBox.value);
      const show = (text: string) => {
        ours.add(text);
        repo.inputBox.value = text;
      };
      try {
        const result = await client.streamChat(
          { model, messages: prompt.messages, temperature: 0.2 },
          {
            signal: abort.signal,
            onEvent: (event) => {
              if (event.type !== 'text') return;
              if (edited()) return abort.abort();
              received += event.text;
              const text = cleanCommitMessage(received);
              if (text) show(text);
            },
          },
        );
        if (edited()) return undefined;
        const message = cleanCommitMessage(result.text);
        if (!message) {
          show(draft);
          offer(vscode.l10n.t('{0} answered with an empty commit message. Try again, or pick another model.', model), SELECT_MODEL);
          return undefined;
        }
        show(message);
        return message;
      } catch (err) {
        if (edited()) {
          services.log.info('commit message: stopped, the input box was edited meanwhile');
          return undefined;
        }
        show(draft);
        if (isHubError(err) && err.kind === 'cancelled') {
          services.log.info('commit message: cancelled');
          return undefined;
        }
        const message = err instanceof Error ? err.message : String(err);
        services.log.error(`commit message: ${message}`);
        offer(message, fixFor(err));
        return undefined;
      } finally {
        cancelled.dispose();
      }
    },
  );
}
