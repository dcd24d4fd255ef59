// The code a selection command works on, as plain data, and how it is shown to a model.
import * as l10n from '@vscode/l10n';
import { fenceFor, fenceTag } from './extractCode';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

export interface DiagnosticInfo {
  /** 1-based line in the file. */
  line: number;
  severity: Severity;
  message: string;
  source?: string;
  code?: string;
}

export interface CodeContext {
  /** The file's name relative to the workspace (or its base name): never a full path with the user's home. */
  fileName: string;
  /** VS Code's language id (`typescript`, `python`, …). */
  language: string;
  text: string;
  /** 1-based first line of the text in the file. */
  startLine: number;
  /** The function or symbol the text is, when it was found that way rather than selected. */
  symbolName?: string;
  diagnostics?: DiagnosticInfo[];
}

function lastLine(ctx: CodeContext): number {
  return ctx.startLine + ctx.text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n').length - 1;
}

/** `sample.ts, lines 3–9` — how the model is told where the code is (prompts stay in English). */
export function describeLocation(ctx: CodeContext): string {
  const end = lastLine(ctx);
  return `${ctx.fileName}, ${end > ctx.startLine ? `lines ${ctx.startLine}–${end}` : `line ${ctx.startLine}`}`;
}

/** The same place as the transcript shows it to the user, in the display language. */
export function shownLocation(ctx: CodeContext): string {
  const end = lastLine(ctx);
  return end > ctx.startLine
    ? l10n.t('{0}, lines {1}–{2}', ctx.fileName, ctx.startLine, end)
    : l10n.t('{0}, line {1}', ctx.fileName, ctx.startLine);
}

/** The code in a fence tagged with its language, safe against fences inside the code. */
export function fencedCode(text: string, language: string): string {
  const fence = fenceFor(text);
  return `${fence}${fenceTag(language)}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${fence}`;
}

export function formatDiagnostics(diagnostics: readonly DiagnosticInfo[]): string {
  return diagnostics
    .map(
      (d) =>
        `- line ${d.line}, ${d.severity}${d.source ? ` (${d.source}${d.code ? ` ${d.code}` : ''})` : ''}: ${d.message.replace(/\s+/g, ' ').trim()}`,
    )
    .join('\n');
}
