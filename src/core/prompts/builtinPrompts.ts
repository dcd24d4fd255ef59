// What the selection commands say to the model. Two shapes: a chat turn (the answer is prose, read in the
// chat panel) and a rewrite (the answer replaces the code, so the model is held to "code only, one block").
import * as l10n from '@vscode/l10n';
import type { ChatMessage } from '../hub/types';
import { describeLocation, shownLocation, fencedCode, formatDiagnostics, type CodeContext, type DiagnosticInfo } from './codeContext';
import { fenceTag } from './extractCode';

/** A new user turn for the chat panel: what is sent, what the transcript shows, and the attached code. */
export interface ChatAsk {
  prompt: string;
  display: string;
  context?: { fileName: string; language: string; text: string }[];
}

export function attachment(ctx: CodeContext): NonNullable<ChatAsk['context']>[number] {
  return { fileName: ctx.fileName, language: ctx.language, text: ctx.text };
}

export function explainAsk(ctx: CodeContext): ChatAsk {
  const what = ctx.symbolName ? `\`${ctx.symbolName}\`` : 'this code';
  return {
    prompt:
      `Explain ${what} from ${describeLocation(ctx)} (${ctx.language}), attached below.\n` +
      'Start with one or two sentences on what it does and why it exists. Then walk through how it works, ' +
      'step by step, naming the important functions, variables and control flow. Point out anything subtle: ' +
      'edge cases, error handling, side effects, performance, concurrency, or likely bugs. Quote short pieces ' +
      'of the code where that helps; do not repeat it all. Keep it concise.',
    display: ctx.symbolName
      ? l10n.t('Explain {0} ({1})', `\`${ctx.symbolName}\``, shownLocation(ctx))
      : l10n.t('Explain the selection ({0})', shownLocation(ctx)),
    context: [attachment(ctx)],
  };
}

export interface RefactorPreset {
  id: string;
  label: string;
  detail: string;
  instruction: string;
}

/** The presets with their names in the display language, so they are built when shown, not when this module loads. */
export const refactorPresets = (): readonly RefactorPreset[] => [
  {
    id: 'simplify',
    label: l10n.t('Simplify'),
    detail: l10n.t('Less code, same behaviour'),
    instruction:
      'Simplify this code: remove redundancy and needless nesting, and make the logic easier to follow. Keep the behaviour exactly the same.',
  },
  {
    id: 'names',
    label: l10n.t('Improve names'),
    detail: l10n.t('Clearer variable, function and parameter names'),
    instruction:
      'Improve the names of local variables, parameters and private helpers so they say what they hold or do. Do not rename anything exported or public, and keep the behaviour the same.',
  },
  {
    id: 'types',
    label: l10n.t('Add types'),
    detail: l10n.t('Type annotations where the language has them'),
    instruction:
      'Add precise type annotations (parameters, return types, variables where inference is unclear) in the idiomatic style of the language. Do not change the behaviour.',
  },
  {
    id: 'modernise',
    label: l10n.t('Modernise syntax'),
    detail: l10n.t('Current idioms of the language'),
    instruction:
      'Rewrite this code with the modern idioms and syntax of the language (for example optional chaining, destructuring, f-strings, pattern matching, where they fit). Keep the behaviour the same.',
  },
  {
    id: 'extract',
    label: l10n.t('Extract function'),
    detail: l10n.t('Pull a well-named helper out of it'),
    instruction:
      'Extract the most self-contained part of this code into a new, well-named function and call it from where the code was. Put the new function and the updated code together in the one code block, in the order they should appear in the file.',
  },
];

const REWRITE_RULES =
  'You rewrite code. Reply with the complete replacement for the code you are given, and nothing else: ' +
  "exactly one fenced code block, no explanation before or after it. Keep the code's surrounding context working " +
  '(same exported names and signatures unless asked otherwise), keep its comments unless they became wrong, ' +
  'and keep its indentation style.';

/**
 * The messages for a rewrite: the instruction, where the code is, and the code itself — unless the instruction
 * already holds the code (a custom template with `{{selection}}`).
 */
export function rewriteMessages(instruction: string, ctx: CodeContext, options: { codeInInstruction?: boolean } = {}): ChatMessage[] {
  const diagnostics = ctx.diagnostics?.length ? `\n\nProblems reported in this code:\n${formatDiagnostics(ctx.diagnostics)}` : '';
  const code = options.codeInInstruction
    ? ''
    : `\n\nThe code is from ${describeLocation(ctx)} (${ctx.language}).${diagnostics}\n\n${fencedCode(ctx.text, ctx.language)}`;
  return [
    { role: 'system', content: REWRITE_RULES },
    {
      role: 'user',
      content: `${instruction.trim()}${code}\n\nReply with the rewritten code only, in one \`\`\`${fenceTag(ctx.language)} block.`,
    },
  ];
}

export function fixInstruction(diagnostics: readonly DiagnosticInfo[]): string {
  return diagnostics.length
    ? 'Fix the problems listed below in this code with the smallest change that solves each one properly. Do not change anything unrelated.'
    : 'Find and fix the bugs in this code with the smallest change that solves each one properly. If it has no bug, return it unchanged. Do not change anything unrelated.';
}

// How each language writes documentation comments: a name the model knows is more reliable than "doc comments".
const DOC_STYLE: Record<string, string> = {
  typescript: 'TSDoc (/** … */ with @param and @returns)',
  typescriptreact: 'TSDoc (/** … */ with @param and @returns)',
  javascript: 'JSDoc (/** … */ with @param {type} and @returns)',
  javascriptreact: 'JSDoc (/** … */ with @param {type} and @returns)',
  python: 'docstrings (PEP 257, Google style Args/Returns/Raises)',
  java: 'Javadoc',
  kotlin: 'KDoc',
  csharp: 'XML documentation comments (///)',
  rust: 'rustdoc comments (/// with # Examples where useful)',
  go: 'Go doc comments (// Name …, starting with the name)',
  php: 'PHPDoc',
  ruby: 'YARD comments',
  swift: 'Swift markup (///)',
  cpp: 'Doxygen comments',
  c: 'Doxygen comments',
  dart: 'Dart doc comments (///)',
};

export function documentInstruction(language: string): string {
  const style = DOC_STYLE[language] ?? 'the documentation comment style idiomatic for this language';
  return `Add documentation comments to this code in ${style}: every function, method, class and exported value gets one saying what it does, its parameters, what it returns and what it throws. Explain why where it is not obvious. Do not change the code itself, only add or improve comments.`;
}

export function testsMessages(ctx: CodeContext): ChatMessage[] {
  return [
    { role: 'system', content: 'You write unit tests. Reply with one complete test file in a single fenced code block, and nothing else.' },
    {
      role: 'user',
      content:
        `Write unit tests for this code from ${describeLocation(ctx)} (${ctx.language}). Use the test framework most ` +
        'common for the language (or the one the code already suggests), import the code under test from its file, ' +
        'cover the normal cases, edge cases and error cases, and give each test a name that says what it checks.\n\n' +
        `${fencedCode(ctx.text, ctx.language)}`,
    },
  ];
}
