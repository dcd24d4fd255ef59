// The chat's Attach menu (also opened by `#` in the input): an open editor, any workspace file, the problems
// of the current file, or the terminal's selection. Each becomes a chip the user sees before sending; a binary
// or deleted file, or one larger than the model takes in, is refused in words instead.
import * as vscode from 'vscode';
import { decodeText, oversized, type SizeCheck } from '../core/chat/attachmentCheck';
import type { Attachment } from '../core/chat/conversation';
import { Commands } from '../ids';
import { imageFromFile } from './chatImageAttach';
import type { ChatWebviewDeps } from './chatWebview';
import { attachmentFrom, type EditorTracker } from './editorActions';

/** What to attach, as the menu or automation names it. */
export type ContextSource = { kind: 'file'; uri: vscode.Uri } | { kind: 'problems'; uri?: vscode.Uri } | { kind: 'terminal' };

interface SourceItem extends vscode.QuickPickItem {
  source?: ContextSource;
  /** "File in workspace…": a second pick. */
  browse?: true;
}

/** The Attach menu for the chat, sizes checked against the current conversation's model. */
export function pickAttachment(deps: ChatWebviewDeps): Promise<Attachment | string | undefined> {
  return pickContext(deps.tracker, chatSizeCheck(deps));
}

/** `aihub._chatAttach`: what the menu does, by argument; the chip goes to every chat panel. */
export function registerChatAttach(deps: ChatWebviewDeps): vscode.Disposable {
  return vscode.commands.registerCommand(Commands.chatAttach, async (arg: { kind?: unknown; path?: unknown }) => {
    const uri = typeof arg?.path === 'string' ? vscode.Uri.file(arg.path) : undefined;
    if (arg?.kind === 'selection' || arg?.kind === 'currentFile') {
      // What the composer's Attach Selection and Attach Current File buttons do.
      const attachment = attachmentFrom(deps.tracker, arg.kind === 'selection' ? 'selection' : 'file', chatSizeCheck(deps));
      if (typeof attachment === 'string') return { message: attachment };
      deps.controller.broadcast({ type: 'attachment', attachment });
      return attachment;
    }
    if (arg?.kind === 'image' && uri) {
      const image = await imageFromFile(deps, (message) => deps.controller.broadcast(message), uri);
      return typeof image === 'string' ? { message: image } : image;
    }
    const source: ContextSource | undefined =
      arg?.kind === 'terminal'
        ? { kind: 'terminal' }
        : arg?.kind === 'problems'
          ? { kind: 'problems', uri }
          : uri
            ? { kind: 'file', uri }
            : undefined;
    if (!source)
      throw new Error(
        "aihub._chatAttach expects { kind: 'file' | 'problems' | 'image', path } or { kind: 'terminal' | 'selection' | 'currentFile' }",
      );
    const attachment = await attachSource(source, chatSizeCheck(deps));
    if (typeof attachment === 'string') return { message: attachment };
    deps.controller.broadcast({ type: 'attachment', attachment });
    return attachment;
  });
}

/** Attachments checked against the current conversation's model. */
export function chatSizeCheck({ services, controller }: ChatWebviewDeps): SizeCheck {
  const model = controller.current.model;
  const limits = services.models.limitsOf(model, services.config.current.modelLimits);
  return (name, text) => oversized(name, text, model, limits);
}

/** Shows the menu; resolves with the attachment, a refusal in words, or undefined when dismissed. */
export async function pickContext(tracker: EditorTracker, check: SizeCheck): Promise<Attachment | string | undefined> {
  const current = tracker.editor?.document;
  const open = vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri : undefined))
    .filter((uri, i, all): uri is vscode.Uri => uri !== undefined && all.findIndex((u) => u?.toString() === uri.toString()) === i);
  const items: SourceItem[] = [
    { label: vscode.l10n.t('Open editors'), kind: vscode.QuickPickItemKind.Separator },
    ...open.map((uri) => ({ label: `$(file) ${relative(uri)}`, source: { kind: 'file', uri } as const })),
    { label: vscode.l10n.t('More'), kind: vscode.QuickPickItemKind.Separator },
    { label: `$(search) ${vscode.l10n.t('File in workspace…')}`, browse: true },
    {
      label: `$(warning) ${vscode.l10n.t('Problems in the current file')}`,
      description: current ? relative(current.uri) : vscode.l10n.t('no file open'),
      source: { kind: 'problems', uri: current?.uri },
    },
    {
      label: `$(terminal) ${vscode.l10n.t('Terminal selection')}`,
      description: vscode.window.activeTerminal?.name,
      source: { kind: 'terminal' },
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('AI Hub: Attach to the question'),
    matchOnDescription: true,
  });
  if (!picked) return undefined;
  if (picked.browse) {
    const uri = await pickWorkspaceFile();
    return uri ? attachSource({ kind: 'file', uri }, check) : undefined;
  }
  return picked.source ? attachSource(picked.source, check) : undefined;
}

/** Reads what a source holds now and checks it; a refusal in words otherwise. */
export async function attachSource(source: ContextSource, check: SizeCheck): Promise<Attachment | string> {
  const found = await read(source);
  if (typeof found === 'string') return found;
  return check(found.fileName, found.text) ?? found;
}

async function read(source: ContextSource): Promise<Attachment | string> {
  switch (source.kind) {
    case 'file':
      return readFile(source.uri);
    case 'problems':
      return problems(source.uri);
    case 'terminal':
      return terminalSelection();
  }
}

async function pickWorkspaceFile(): Promise<vscode.Uri | undefined> {
  const files = await vscode.workspace.findFiles('**/*', undefined, 5000);
  const picked = await vscode.window.showQuickPick(
    files.map((uri) => ({ label: relative(uri), uri })).sort((a, b) => a.label.localeCompare(b.label)),
    { title: vscode.l10n.t('AI Hub: Attach a file'), placeHolder: vscode.l10n.t('Type to search the workspace') },
  );
  return picked?.uri;
}

/** An open document's text as the editor has it (unsaved edits included); else the file on disk. */
async function readFile(uri: vscode.Uri): Promise<Attachment | string> {
  const name = relative(uri);
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString() && !d.isClosed);
  // Unsaved text is what the user sees; a saved file is read from disk, so a deleted one says so.
  if (open && (open.isDirty || open.isUntitled)) return { fileName: name, language: open.languageId, text: open.getText() };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (err) {
    if (err instanceof vscode.FileSystemError && err.code === 'FileNotFound')
      return vscode.l10n.t('{0} no longer exists (deleted or moved?): nothing was attached.', name);
    return vscode.l10n.t('{0} could not be read: {1}', name, err instanceof Error ? err.message : String(err));
  }
  const text = decodeText(bytes);
  if (text === undefined) return vscode.l10n.t('{0} is not a text file (it holds binary data): it was not attached.', name);
  if (!text.trim()) return vscode.l10n.t('{0} is empty: nothing to attach.', name);
  const language = open?.languageId ?? (await vscode.workspace.openTextDocument(uri)).languageId;
  return { fileName: name, language, text };
}

const SEVERITY = ['error', 'warning', 'info', 'hint'] as const;

function problems(uri: vscode.Uri | undefined): Attachment | string {
  if (!uri) return vscode.l10n.t('Open a file in an editor first: its problems are what is attached.');
  const name = relative(uri);
  const diagnostics = vscode.languages.getDiagnostics(uri);
  if (diagnostics.length === 0) return vscode.l10n.t('VS Code reports no problems in {0}.', name);
  const text = diagnostics
    .map(
      (d) =>
        `${name}:${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]}${d.source ? ` (${d.source})` : ''}: ${d.message}`,
    )
    .join('\n');
  return { fileName: vscode.l10n.t('Problems in {0}', name), language: 'text', text };
}

/**
 * VS Code's stable API has no way to read a terminal's selection (`Terminal.selection` is a proposed API), so it
 * is copied the way the user would (Terminal: Copy Selection), and the clipboard's text is put back afterwards.
 * A marker written first tells "nothing selected" apart from whatever the clipboard held.
 */
async function terminalSelection(): Promise<Attachment | string> {
  const terminal = vscode.window.activeTerminal;
  if (!terminal) return vscode.l10n.t('No terminal is open: select text in a terminal first.');
  const saved = await vscode.env.clipboard.readText();
  const marker = `aihub-no-terminal-selection-${Date.now()}`;
  let text: string;
  try {
    await vscode.env.clipboard.writeText(marker);
    await vscode.commands.executeCommand('workbench.action.terminal.copySelection');
    text = await vscode.env.clipboard.readText();
  } finally {
    await vscode.env.clipboard.writeText(saved);
  }
  if (text === marker || !text.trim())
    return vscode.l10n.t('Nothing is selected in the terminal "{0}": select the text to attach first.', terminal.name);
  return { fileName: vscode.l10n.t('Terminal selection ({0})', terminal.name), language: 'text', text };
}

function relative(uri: vscode.Uri): string {
  return vscode.workspace.asRelativePath(uri, false);
}
