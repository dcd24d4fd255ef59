// What a selection command works on: the selection, or with none the function or symbol around the cursor
// (from the language's symbol provider), or failing that the block around the cursor by indentation.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CodeContext, DiagnosticInfo, Severity } from '../core/prompts/codeContext';
import { indentationBlock } from '../core/prompts/indentationBlock';

export interface CodeTarget {
  document: vscode.TextDocument;
  /** The version the range and text belong to: a proposal made for it applies only to it. */
  version: number;
  range: vscode.Range;
  /** Text before the range on its first line: empty when the range starts at the line's start. */
  linePrefix: string;
  ctx: CodeContext;
}

// A language server still starting can take long to answer; the indentation fallback is better than waiting.
const SYMBOLS_TIMEOUT_MS = 3000;
const ENCLOSING_KINDS = new Set([vscode.SymbolKind.Function, vscode.SymbolKind.Method, vscode.SymbolKind.Constructor]);
const CONTAINER_KINDS = new Set([vscode.SymbolKind.File, vscode.SymbolKind.Module, vscode.SymbolKind.Namespace, vscode.SymbolKind.Package]);

export async function resolveTarget(editor: vscode.TextEditor): Promise<CodeTarget | undefined> {
  const { document, selection } = editor;
  let range: vscode.Range | undefined;
  let symbolName: string | undefined;
  if (!selection.isEmpty) {
    range = selectedRange(document, selection);
  } else {
    const symbol = await enclosingSymbol(document, selection.active);
    if (symbol) {
      range = wholeLines(document, symbol.range.start.line, symbol.range.end.line);
      symbolName = symbol.name;
    } else {
      const lines = Array.from({ length: document.lineCount }, (_, i) => document.lineAt(i).text);
      const block = indentationBlock(lines, selection.active.line);
      if (block) range = wholeLines(document, block.start, block.end);
    }
  }
  if (!range || document.getText(range).trim() === '') return undefined;
  return codeTargetAt(document, range, symbolName);
}

/** A selection starting inside the indentation carries the whole indentation, so re-indenting is exact. */
export function selectedRange(document: vscode.TextDocument, selection: vscode.Range): vscode.Range {
  const before = document.lineAt(selection.start.line).text.slice(0, selection.start.character);
  return before.trim() === '' ? selection.with(selection.start.with(undefined, 0)) : selection;
}

/** The target for a range of the document as it is now. */
export function codeTargetAt(document: vscode.TextDocument, range: vscode.Range, symbolName?: string): CodeTarget {
  return {
    document,
    version: document.version,
    range,
    linePrefix: document.lineAt(range.start.line).text.slice(0, range.start.character),
    ctx: {
      fileName: displayName(document),
      language: document.languageId,
      text: document.getText(range),
      startLine: range.start.line + 1,
      symbolName,
      diagnostics: diagnosticsIn(document.uri, range),
    },
  };
}

export function wholeLines(document: vscode.TextDocument, start: number, end: number): vscode.Range {
  return new vscode.Range(start, 0, end, document.lineAt(end).text.length);
}

/** The language's symbols for the document, as a tree; none when it has none or does not answer in time. */
export async function documentSymbols(document: vscode.TextDocument, timeoutMs = SYMBOLS_TIMEOUT_MS): Promise<vscode.DocumentSymbol[]> {
  let symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
    symbols = await Promise.race([
      vscode.commands.executeCommand<typeof symbols>('vscode.executeDocumentSymbolProvider', document.uri),
      timeout,
    ]);
  } catch {
    return [];
  } finally {
    clearTimeout(timer);
  }
  return (symbols ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** The innermost function or method around the position; else the innermost other symbol (a class, a constant). */
async function enclosingSymbol(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.DocumentSymbol | undefined> {
  const chain: vscode.DocumentSymbol[] = [];
  let level = await documentSymbols(document);
  for (;;) {
    const inside = level.find((s) => s.range.contains(position));
    if (!inside) break;
    chain.push(inside);
    level = inside.children;
  }
  const innermost = (kinds: (k: vscode.SymbolKind) => boolean) => [...chain].reverse().find((s) => kinds(s.kind));
  return innermost((k) => ENCLOSING_KINDS.has(k)) ?? innermost((k) => !CONTAINER_KINDS.has(k));
}

/** The workspace-relative path (never the full path with the user's home), or the base name. */
function displayName(document: vscode.TextDocument): string {
  if (document.isUntitled) return document.uri.path;
  const relative = vscode.workspace.asRelativePath(document.uri, false);
  return relative === document.uri.fsPath ? path.basename(document.uri.fsPath) : relative;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, Severity> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'info',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

function diagnosticsIn(uri: vscode.Uri, range: vscode.Range): DiagnosticInfo[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.range.intersection(range) !== undefined)
    .map((d) => ({
      line: d.range.start.line + 1,
      severity: SEVERITIES[d.severity],
      message: d.message,
      source: d.source,
      code: typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code),
    }));
}
