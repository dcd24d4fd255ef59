// Pulls the code out of a model's answer to "rewrite this code": models wrap it in fences, add a sentence
// before ("Here is the refactored code:") and an explanation after, sometimes several blocks, sometimes no
// fence at all, sometimes a reasoning preamble. What comes back here goes into the user's file, so prose
// must not slip through and the code's own indentation must survive.

export interface ExtractedCode {
  code: string;
  /** The info string of the chosen fence (`ts`, `python`, …), when there was one. */
  language?: string;
  /** False when the answer had no fence and was taken as code after dropping obvious prose lines. */
  fenced: boolean;
}

interface Block {
  info: string;
  body: string;
  closed: boolean;
}

const OPENING = /^( {0,3}|\t?)(`{3,}|~{3,})([^`]*)$/;
// Tags that never hold the rewritten code, even when the model sends them alongside it.
const NOT_CODE = new Set(['diff', 'patch', 'bash', 'sh', 'shell', 'console', 'text', 'output', 'plaintext', 'markdown', 'md']);

/** Finds fenced blocks the CommonMark way: a closing fence is the same character, at least as long, alone on its line. */
function fencedBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^\\s{0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) body.push(stripIndent(lines[j], indent.length));
    blocks.push({ info: info.trim().split(/\s+/)[0]?.toLowerCase() ?? '', body: body.join('\n'), closed: j < lines.length });
    i = j;
  }
  return blocks;
}

/** A fence indented by n columns has its content indented by up to n columns too (CommonMark). */
function stripIndent(line: string, n: number): string {
  let k = 0;
  while (k < n && k < line.length && (line[k] === ' ' || line[k] === '\t')) k++;
  return line.slice(k);
}

function trimBlankLines(text: string): string {
  return text
    .replace(/^(?:[ \t]*\n)+/, '')
    .replace(/(?:\n[ \t]*)+$/, '')
    .replace(/^[ \t]+$/, '');
}

const PROSE_LEAD =
  /^(here(?:'s| is| are)|sure|certainly|of course|okay|ok[,.!]|below|the (?:refactored|rewritten|updated|improved|fixed|corrected|documented|simplified|modified)|i(?:'ve| have)? (?:refactored|rewritten|updated|improved|fixed|added|simplified))\b/i;
const PROSE_TAIL =
  /^(this|these|the (?:changes?|code|main|key|function)|i(?:'ve| have)? |note|explanation|changes|key changes|summary|in this|let me know|hope)\b/i;

/** Without a fence: the answer is the code, minus an opening sentence and a closing explanation. */
function unfenced(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 1 && (PROSE_LEAD.test(lines[0].trim()) || lines[0].trim() === '')) lines.shift();
  // A trailing explanation starts after a blank line with a prose opening; everything from there goes.
  for (let i = 1; i < lines.length; i++) {
    if (lines[i - 1].trim() === '' && PROSE_TAIL.test(lines[i].trim()) && !/[;{}()=]\s*$/.test(lines[i])) {
      lines.length = i;
      break;
    }
  }
  let code = trimBlankLines(lines.join('\n'));
  // A one-line answer in inline code: `a + b`.
  const inline = /^`([^`\n]+)`$/.exec(code.trim());
  if (inline) code = inline[1];
  return code;
}

/**
 * The code in a model's answer. Several fences: the blocks tagged with the document's language (or untagged)
 * are preferred over others (a `diff` or `bash` aside), and of those the longest wins — the prompt asks for
 * one block, and a short second block is nearly always a usage example. An unclosed fence (a cut-off answer)
 * runs to the end.
 */
export function extractCode(answer: string, options: { language?: string } = {}): ExtractedCode {
  const text = answer.replace(/\r\n?/g, '\n').replace(/<think>[\s\S]*?<\/think>/gi, '');
  const blocks = fencedBlocks(text.split('\n'));
  if (blocks.length === 0) return { code: unfenced(text), fenced: false };
  const wanted = options.language ? fenceTag(options.language) : undefined;
  const rank = (b: Block) => (wanted && fenceTag(b.info) === wanted ? 2 : b.info === '' || !NOT_CODE.has(b.info) ? 1 : 0);
  const best = blocks.reduce((a, b) => {
    const byRank = rank(b) - rank(a);
    if (byRank !== 0) return byRank > 0 ? b : a;
    return b.body.trim().length > a.body.trim().length ? b : a;
  });
  return { code: trimBlankLines(best.body), language: best.info || undefined, fenced: true };
}

// VS Code language ids and the short tags models write for the same language.
const TAGS: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  typescriptreact: 'tsx',
  javascriptreact: 'jsx',
  python: 'py',
  csharp: 'cs',
  cpp: 'c++',
  shellscript: 'sh',
  bash: 'sh',
  ruby: 'rb',
  rust: 'rs',
  golang: 'go',
  kotlin: 'kt',
  markdown: 'md',
  yaml: 'yml',
};

/** The short fence tag for a VS Code language id or a tag (`typescript` → `ts`), for fences and comparisons. */
export function fenceTag(language: string): string {
  const id = language.toLowerCase();
  return TAGS[id] ?? id;
}

/** A fence that cannot be closed early by the text it wraps (code may itself contain ``` in a string). */
export function fenceFor(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return '`'.repeat(Math.max(3, longest + 1));
}
