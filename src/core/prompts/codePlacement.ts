// Where a code block from an answer belongs in a file, decided from the text alone: the whole file, the one
// symbol it redefines (its name and kind, matched against the language's document symbols by the caller), or
// nothing this can tell (the caller falls back to the selection). No guess past that: a wrong place would put
// the code over something else, and the user only sees it in the diff.

/** What a declaration is, coarse enough to compare with any language's symbol kinds. */
export type DeclarationGroup = 'callable' | 'type' | 'value';

export interface Declaration {
  name: string;
  group: DeclarationGroup;
}

export interface BlockShape {
  /** The declarations at the block's outermost depth, in order. */
  declarations: Declaration[];
  /** Code at the outermost depth that declares nothing (imports, statements). */
  otherCode: boolean;
  /** The block opens with a comment or decorator before its first declaration (a doc comment). */
  leadingComment: boolean;
}

export type Placement =
  | { kind: 'file' }
  /** `withComment`: the block brings its own doc comment, which replaces the one above the symbol. */
  | { kind: 'symbol'; declaration: Declaration; withComment: boolean }
  | { kind: 'unknown' };

const NAME = '([A-Za-z_$][\\w$]*)';
const DECLARATIONS: [RegExp, DeclarationGroup][] = [
  [new RegExp(`^(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:async\\s+)?function\\s*\\*?\\s*${NAME}`), 'callable'],
  [new RegExp(`^(?:async\\s+)?def\\s+${NAME}`), 'callable'],
  [new RegExp(`^(?:pub(?:\\([^)]*\\))?\\s+)?(?:const\\s+)?(?:async\\s+)?(?:unsafe\\s+)?fn\\s+${NAME}`), 'callable'],
  [new RegExp(`^func\\s+(?:\\([^)]*\\)\\s*)?${NAME}`), 'callable'],
  [
    new RegExp(
      `^(?:export\\s+)?(?:default\\s+)?(?:declare\\s+)?(?:pub(?:\\([^)]*\\))?\\s+)?(?:(?:public|private|protected|internal|static|abstract|sealed|final|partial|data)\\s+)*(?:class|interface|enum|struct|trait|record|namespace|module|type)\\s+${NAME}`,
    ),
    'type',
  ],
  [new RegExp(`^(?:export\\s+)?(?:declare\\s+)?(?:const|let|var)\\s+${NAME}`), 'value'],
  // A method or a C-like function: modifiers, maybe a return type, a name, an opening parenthesis; not a call
  // statement (those end with `;`).
  [
    new RegExp(
      `^(?:(?:public|private|protected|internal|static|async|override|readonly|abstract|final|virtual|get|set|inline|extern|unsafe)\\s+)*(?:[\\w<>\\[\\],.?*&:]+\\s+)?\\*?${NAME}\\s*(?:<[^>()]*>)?\\s*\\((?!.*;\\s*$)`,
    ),
    'callable',
  ],
];
const NOT_A_NAME = new Set([
  'if',
  'for',
  'while',
  'switch',
  'catch',
  'return',
  'function',
  'with',
  'elif',
  'else',
  'new',
  'await',
  'yield',
  'print',
]);
const COMMENT_OR_DECORATOR = /^(?:\/\/|\/\*|\*|#(?![a-z]*(?:include|define|import|pragma|if|endif))|@|--|<!--|"""|''')/;
const CLOSER = /^(?:[}\])]+[;,)]*|end)$/;

const indentOf = (line: string) => /^[ \t]*/.exec(line)![0].replace(/\t/g, '    ').length;

/** The outermost-depth structure of a block of code. */
export function blockShape(code: string): BlockShape {
  const lines = code.replace(/\r\n?/g, '\n').split('\n');
  const filled = lines.filter((l) => l.trim() !== '');
  const depth = Math.min(...filled.map(indentOf));
  const shape: BlockShape = { declarations: [], otherCode: false, leadingComment: false };
  let seenCode = false;
  for (const line of filled) {
    if (indentOf(line) !== depth) continue;
    const text = line.trim();
    if (COMMENT_OR_DECORATOR.test(text)) {
      if (!seenCode) shape.leadingComment = true;
      continue;
    }
    if (CLOSER.test(text)) continue;
    seenCode = true;
    const declaration = declarationIn(text);
    if (declaration) shape.declarations.push(declaration);
    else shape.otherCode = true;
  }
  return shape;
}

function declarationIn(line: string): Declaration | undefined {
  for (const [pattern, group] of DECLARATIONS) {
    const name = pattern.exec(line)?.[1];
    if (name && !NOT_A_NAME.has(name)) return { name, group };
  }
  return undefined;
}

/**
 * The whole file when the file is empty, when the block starts and ends as the file does, or when it declares
 * every top-level symbol the file has (and is more than one of them redefined: a lone function redefined is
 * that symbol, and the file's imports stay). Else the one symbol the block declares, else unknown.
 */
export function placement(block: string, fileText: string, fileTopLevelNames: readonly string[]): Placement {
  if (fileText.trim() === '') return { kind: 'file' };
  const blockLines = nonBlankLines(block);
  const fileLines = nonBlankLines(fileText);
  if (blockLines.length >= 2 && blockLines[0] === fileLines[0] && blockLines.at(-1) === fileLines.at(-1)) return { kind: 'file' };
  const shape = blockShape(block);
  const declared = new Set(shape.declarations.map((d) => d.name));
  const coversFile = fileTopLevelNames.length > 0 && fileTopLevelNames.every((name) => declared.has(name));
  if (coversFile && (fileTopLevelNames.length >= 2 || shape.otherCode)) return { kind: 'file' };
  if (shape.declarations.length === 1 && !shape.otherCode)
    return { kind: 'symbol', declaration: shape.declarations[0], withComment: shape.leadingComment };
  return { kind: 'unknown' };
}

/**
 * The first line of the comments and decorators directly above `line` (0-based): a block that brings its own doc
 * comment replaces the symbol's old one rather than stacking a second above it.
 */
export function commentsAbove(lines: readonly string[], line: number): number {
  let start = line;
  while (start > 0 && lines[start - 1].trim() !== '' && COMMENT_OR_DECORATOR.test(lines[start - 1].trim())) start--;
  return start;
}

function nonBlankLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
