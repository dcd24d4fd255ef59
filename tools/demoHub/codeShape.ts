// What the demo hub can read from code it has no prepared answer for: the functions it declares and their
// parameters, and a rough outline (loops, branches, calls). Enough for a small but genuine answer (a doc comment
// naming the parameters, a plain description), never for one that pretends to understand the code.

export interface FoundFunction {
  name: string;
  params: string[];
  /** Offset of the start of the declaration's line in the code. */
  lineStart: number;
  /** The declaration line's indentation. */
  indent: string;
}

const DECLARATIONS: readonly RegExp[] = [
  // function f(a, b) / export async function* f<T>(a: T)
  /^([ \t]*)(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\(/gm,
  // const f = (a, b) => / const f = async function (a)
  /^([ \t]*)(?:export\s+)?(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:async\s+)?(?:function\s*)?(?:<[^>]*>)?\s*\(/gm,
  // Python: def f(a, b):
  /^([ \t]*)(?:async\s+)?def\s+([A-Za-z_]\w*)\s*\(/gm,
  // class members: public async name(a, b) {   (not control flow such as `if (…) {`)
  /^([ \t]+)(?:(?:public|private|protected|static|async|override|readonly)\s+)*(?!if\b|for\b|while\b|switch\b|catch\b|return\b|function\b)([A-Za-z_$][\w$]*)\s*(?:<[^>]*>)?\s*\((?=[^)]*\)\s*(?::[^{]+)?\{)/gm,
];

export function findFunctions(code: string): FoundFunction[] {
  const found: FoundFunction[] = [];
  DECLARATIONS.forEach((pattern, kind) => {
    for (const match of code.matchAll(pattern)) {
      const list = parameterList(code, match.index + match[0].length - 1);
      if (list === undefined) continue;
      // `const total = (a + b) * 2` is not a function: an arrow (or the function keyword) must follow.
      if (kind === 1 && !/function/.test(match[0]) && !/^\s*(?::[^=;{]+)?=>/.test(code.slice(list.close + 1))) continue;
      if (found.some((f) => f.lineStart === match.index)) continue;
      found.push({ name: match[2], params: list.names, lineStart: match.index, indent: match[1] });
    }
  });
  return found.sort((a, b) => a.lineStart - b.lineStart);
}

/** The names in the parameter list opening at `open` (a `(`): types, defaults and destructuring braces dropped. */
function parameterList(code: string, open: number): { names: string[]; close: number } | undefined {
  let depth = 0;
  let current = '';
  const parts: string[] = [];
  for (let i = open; i < code.length; i++) {
    const ch = code[i];
    if ('([{<'.includes(ch)) {
      depth++;
      if (depth === 1) continue;
    } else if (')]}>'.includes(ch) && !(ch === '>' && code[i - 1] === '=')) {
      depth--;
      if (depth === 0) {
        parts.push(current);
        const names = parts.map(parameterName).filter((p): p is string => p !== undefined && p !== 'self' && p !== 'this');
        return { names, close: i };
      }
    } else if (ch === ',' && depth === 1) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  return undefined;
}

function parameterName(part: string): string | undefined {
  const name = /^\s*(?:\.\.\.|\*{1,2})?\s*(?:(?:public|private|protected|readonly)\s+)*([A-Za-z_$][\w$]*)/.exec(part)?.[1];
  if (name) return name;
  // A destructured parameter: name what it holds.
  return part.trim().startsWith('{') ? 'options' : part.trim().startsWith('[') ? 'items' : undefined;
}

/** Whether a doc comment (`/** … *\/`, `///`, a docstring) already sits right above the line at `lineStart`. */
export function hasDocAbove(code: string, lineStart: number): boolean {
  const before = code.slice(0, lineStart).trimEnd();
  return before.endsWith('*/') || /(^|\n)\s*\/\/\/[^\n]*$/.test(before);
}

export type DocStyle = 'block' | 'python' | 'hash' | 'slashes';

export function docStyleFor(language: string): DocStyle {
  if (language === 'python') return 'python';
  if (['ruby', 'shellscript', 'perl', 'r', 'yaml', 'powershell'].includes(language)) return 'hash';
  if (['rust', 'csharp', 'swift', 'dart', 'go'].includes(language)) return 'slashes';
  return 'block';
}

/** `lines` as a doc comment in the language's style, indented; Python's docstring goes below the `def` line. */
export function renderDoc(lines: readonly string[], style: DocStyle, indent: string): string {
  switch (style) {
    case 'python': {
      const inner = `${indent}    `;
      return `${inner}"""${lines[0]}\n${lines
        .slice(1)
        .map((l) => (l ? `${inner}${l}` : ''))
        .join('\n')}\n${inner}"""\n`;
    }
    case 'hash':
      return lines.map((l) => `${indent}#${l ? ` ${l}` : ''}\n`).join('');
    case 'slashes':
      return lines.map((l) => `${indent}///${l ? ` ${l}` : ''}\n`).join('');
    default:
      return `${indent}/**\n${lines.map((l) => `${indent} *${l ? ` ${l}` : ''}\n`).join('')}${indent} */\n`;
  }
}

/**
 * The code with a doc comment for each function that has none; `linesFor` gives the comment's lines (undefined:
 * leave that function alone). Returns the code unchanged when there is nothing to add.
 */
export function withDocComments(code: string, language: string, linesFor: (fn: FoundFunction) => string[] | undefined): string {
  const style = docStyleFor(language);
  let out = code;
  // From the end, so earlier offsets stay valid.
  for (const fn of findFunctions(code).reverse()) {
    const lines = linesFor(fn);
    if (!lines) continue;
    if (style === 'python') {
      const bodyStart = out.indexOf('\n', out.indexOf(':', out.indexOf('(', fn.lineStart))) + 1;
      if (bodyStart <= 0 || /^\s*("""|''')/.test(out.slice(bodyStart))) continue;
      out = out.slice(0, bodyStart) + renderDoc(lines, style, fn.indent) + out.slice(bodyStart);
    } else {
      if (hasDocAbove(out, fn.lineStart)) continue;
      out = out.slice(0, fn.lineStart) + renderDoc(lines, style, fn.indent) + out.slice(fn.lineStart);
    }
  }
  return out;
}

/** A doc comment that names the parameters it cannot describe, and says why. */
export function honestDocLines(fn: FoundFunction, language: string): string[] {
  const tsdoc = docStyleFor(language) === 'block';
  return [
    `${fn.name}${fn.params.length ? ` takes ${listOf(fn.params.map((p) => `\`${p}\``))}` : ' takes no arguments'}.`,
    '(Written by the demo hub, which has prepared answers only for the demo workspace: a real model would',
    'describe what this function does.)',
    ...(fn.params.length ? [''] : []),
    ...fn.params.map((p) => (tsdoc ? `@param ${p}` : `${p}:`)),
  ];
}

export interface Outline {
  functions: FoundFunction[];
  lines: number;
  loops: string[];
  branches: number;
  returns: number;
  throws: number;
  calls: string[];
  awaits: boolean;
}

const KEYWORDS = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'typeof',
  'new',
  'await',
  'super',
  'def',
  'elif',
  'print',
]);

export function outline(code: string): Outline {
  const functions = findFunctions(code);
  const declared = new Set(functions.map((f) => f.name));
  const calls = new Set<string>();
  for (const m of code.matchAll(/([A-Za-z_$][\w$.]*)\s*\(/g)) {
    const name = m[1];
    if (!KEYWORDS.has(name) && !declared.has(name)) calls.add(name);
    if (calls.size >= 6) break;
  }
  const loops = [...new Set([...code.matchAll(/\b(for|while|forEach|map|reduce|filter)\b/g)].map((m) => m[1]))];
  return {
    functions,
    lines: code.replace(/\n$/, '').split('\n').length,
    loops,
    branches: [...code.matchAll(/\b(if|elif|else if|case|switch)\b|\?[^?.:]/g)].length,
    returns: [...code.matchAll(/\breturn\b/g)].length,
    throws: [...code.matchAll(/\b(throw|raise)\b/g)].length,
    calls: [...calls],
    awaits: /\bawait\b/.test(code),
  };
}

export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
