// Apply, on a code block in the chat or a comparison: finds where the block belongs in its file (the whole
// file, else the symbol it redefines by the language's document symbols, else the selection) and opens the
// same proposal diff as the selection commands, with Accept / Reject, one undo step, refused if the file
// changed meanwhile. The file is the one the block names, if it is in the workspace, else the user's editor.
import * as vscode from 'vscode';
import { fileComment, workspaceRelativePath } from '../core/chat/codeBlockFile';
import { commentsAbove, placement, type Declaration, type DeclarationGroup } from '../core/prompts/codePlacement';
import { codeTargetAt, documentSymbols, selectedRange, wholeLines, type CodeTarget } from './codeTarget';
import type { Proposals } from './proposals';

export interface ApplyRequest {
  code: string;
  language: string;
  /** The file the block's fence names (`ts path=src/a.ts`). */
  path?: string;
  /** The editor the user worked in last, and its selection (the chat has focus when Apply is pressed). */
  uri?: vscode.Uri;
  selection?: vscode.Range;
}

/**
 * The proposal's id once the diff is open; else why nothing was proposed, in words for the user (neither when
 * the block is what the file already has: the proposals say so themselves).
 */
export interface ApplyResult {
  proposal?: string;
  message?: string;
}

const APPLY_SYMBOLS_TIMEOUT_MS = 10_000;
/** How long Apply keeps asking a language server that answers with no symbols for a file naming the declaration. */
const APPLY_SYMBOLS_PATIENCE_MS = 45_000;
const APPLY_SYMBOLS_RETRY_MS = 500;

const GROUP_KINDS: Record<DeclarationGroup, vscode.SymbolKind[]> = {
  callable: [
    vscode.SymbolKind.Function,
    vscode.SymbolKind.Method,
    vscode.SymbolKind.Constructor,
    vscode.SymbolKind.Variable,
    vscode.SymbolKind.Constant,
  ],
  type: [
    vscode.SymbolKind.Class,
    vscode.SymbolKind.Interface,
    vscode.SymbolKind.Enum,
    vscode.SymbolKind.Struct,
    vscode.SymbolKind.TypeParameter,
    vscode.SymbolKind.Module,
    vscode.SymbolKind.Namespace,
  ],
  value: [
    vscode.SymbolKind.Variable,
    vscode.SymbolKind.Constant,
    vscode.SymbolKind.Function,
    vscode.SymbolKind.Property,
    vscode.SymbolKind.Field,
  ],
};

export async function applyCodeBlock(proposals: Proposals, request: ApplyRequest): Promise<ApplyResult> {
  const labelled = fileComment(request.code);
  const code = labelled?.code ?? request.code;
  const named = request.path ?? labelled?.path;
  const document = named ? await namedDocument(named) : await editorDocument(request.uri);
  if (typeof document === 'string') return { message: document };
  if (vscode.workspace.fs.isWritableFileSystem(document.uri.scheme) === false)
    return { message: vscode.l10n.t('{0} is read-only: the code cannot be applied to it.', vscode.workspace.asRelativePath(document.uri)) };
  const selection = request.uri?.toString() === document.uri.toString() ? request.selection : undefined;
  const found = await placeIn(document, code, selection);
  if (typeof found === 'string') return { message: found };
  const id = await proposals.open(found, code, vscode.l10n.t('Apply'));
  return id ? { proposal: id } : {};
}

async function placeIn(document: vscode.TextDocument, code: string, selection: vscode.Range | undefined): Promise<CodeTarget | string> {
  const name = vscode.workspace.asRelativePath(document.uri, false);
  // Apply is asked for and waits on its own: a language server that is still starting gets longer to answer.
  let symbols = await documentSymbols(document, APPLY_SYMBOLS_TIMEOUT_MS);
  let where = placement(
    code,
    document.getText(),
    symbols.map((s) => s.name),
  );
  if (where.kind === 'symbol' && symbols.length === 0 && names(document.getText(), where.declaration.name)) {
    symbols = await symbolsOnceReady(document, where.declaration);
    where = placement(
      code,
      document.getText(),
      symbols.map((s) => s.name),
    );
  }
  if (where.kind === 'file') return codeTargetAt(document, wholeLines(document, 0, Math.max(0, document.lineCount - 1)));
  if (where.kind === 'symbol') {
    const candidates = matching(symbols, where.declaration);
    const chosen = candidates.length === 1 ? candidates[0] : candidates.find((s) => selection && s.range.contains(selection));
    if (chosen) {
      const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
      const start = where.withComment ? commentsAbove(lines, chosen.range.start.line) : chosen.range.start.line;
      return codeTargetAt(document, wholeLines(document, start, chosen.range.end.line), chosen.name);
    }
    if (candidates.length > 1 && !selection?.isEmpty)
      return vscode.l10n.t(
        '{0} defines {1} {2} times: put the cursor in the one to replace, or select it, then Apply again.',
        name,
        where.declaration.name,
        candidates.length,
      );
  }
  if (selection && !selection.isEmpty) return codeTargetAt(document, selectedRange(document, selection));
  return vscode.l10n.t(
    'Not sure where this code goes in {0}: it is not the whole file and redefines no symbol found there. Select the code it replaces, then Apply again.',
    name,
  );
}

/**
 * The document's symbols once there are any. A language server that is still starting (TypeScript's, on a large
 * project or a busy machine) answers with none at all: when the file's text does name the declaration, Apply asks
 * again for a while, saying so in the status bar, rather than tell the user the symbol is not there.
 */
async function symbolsOnceReady(document: vscode.TextDocument, declaration: Declaration): Promise<vscode.DocumentSymbol[]> {
  return vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Window,
      title: vscode.l10n.t('Finding {0} in {1}…', declaration.name, vscode.workspace.asRelativePath(document.uri, false)),
    },
    async () => {
      const deadline = Date.now() + APPLY_SYMBOLS_PATIENCE_MS;
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, APPLY_SYMBOLS_RETRY_MS));
        const symbols = await documentSymbols(document, APPLY_SYMBOLS_TIMEOUT_MS);
        if (symbols.length > 0 || Date.now() > deadline) return symbols;
      }
    },
  );
}

/** Whether `text` has `name` as a whole word. */
function names(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w$])${name.replace(/[$]/g, '\\$')}($|[^\\w$])`).test(text);
}

/** Every symbol in the tree with the declaration's name and a kind of the same group (a method for a function). */
function matching(symbols: readonly vscode.DocumentSymbol[], declaration: Declaration): vscode.DocumentSymbol[] {
  const kinds = GROUP_KINDS[declaration.group];
  return symbols.flatMap((s) => [
    ...(s.name === declaration.name && kinds.includes(s.kind) ? [s] : []),
    ...matching(s.children, declaration),
  ]);
}

/** The file a block names, if it is in the workspace (at that path, else the one file that ends with it). */
async function namedDocument(named: string): Promise<vscode.TextDocument | string> {
  const relative = workspaceRelativePath(named);
  if (!relative) return vscode.l10n.t('The code block names {0}, which is outside the workspace: it is not opened.', named);
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, relative);
    const exists = await vscode.workspace.fs.stat(uri).then(
      (s) => s.type === vscode.FileType.File,
      () => false,
    );
    if (exists) return vscode.workspace.openTextDocument(uri);
  }
  const endingWith = await vscode.workspace.findFiles(`**/${relative}`, undefined, 2);
  if (endingWith.length === 1) return vscode.workspace.openTextDocument(endingWith[0]);
  return vscode.l10n.t('The code block names {0}, which is not in this workspace: use New File to start it.', named);
}

async function editorDocument(uri: vscode.Uri | undefined): Promise<vscode.TextDocument | string> {
  if (!uri) return vscode.l10n.t('Open the file to apply the code to first (or name it in the block: ```ts path=src/a.ts).');
  return vscode.workspace.openTextDocument(uri);
}
