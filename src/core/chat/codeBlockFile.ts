// The file a code block in an answer says it belongs to. Models name it two ways: in the fence's info string
// (```ts path=src/a.ts, ```ts file=src/a.ts, or ```ts src/a.ts as Continue writes it) or in a first-line comment
// (`// file: src/a.ts`, `# file: a.py`, `<!-- file: index.html -->`). The comment is a label, not code: it is
// taken out of what is applied.

const PATH_ATTRIBUTE = /(?:^|\s)(?:path|file|filename|title)=(?:"([^"]+)"|'([^']+)'|(\S+))/i;
/** A bare second word that looks like a file: it has an extension or a folder. */
const BARE_PATH = /^[\w@.-]+(?:\/[\w@.-]+)*\.[\w-]+$|^[\w@.-]+(?:\/[\w@.-]+)+$/;
const FILE_COMMENT = /^\s*(?:\/\/|#|--|;|\/\*|<!--)\s*(?:file(?:name)?|path)\s*:\s*(\S+?)\s*(?:\*\/|-->)?\s*$/i;

/** The path named in a fence's info string (`ts path=src/a.ts`), if any. */
export function fencePath(info: string): string | undefined {
  const attribute = PATH_ATTRIBUTE.exec(info);
  if (attribute) return attribute[1] ?? attribute[2] ?? attribute[3];
  const words = info.trim().split(/\s+/);
  return words.length >= 2 && BARE_PATH.test(words[1]) ? words[1] : undefined;
}

/** The path a first-line `file:` comment names, and the code without that line. */
export function fileComment(code: string): { path: string; code: string } | undefined {
  const newline = code.indexOf('\n');
  const first = newline < 0 ? code : code.slice(0, newline);
  const match = FILE_COMMENT.exec(first);
  if (!match) return undefined;
  return { path: match[1], code: newline < 0 ? '' : code.slice(newline + 1) };
}

/**
 * A path that may be looked up inside the workspace: relative, forward slashes, no `..` step. An absolute path
 * or one that climbs out is never opened from a model's answer.
 */
export function workspaceRelativePath(path: string): string | undefined {
  const normal = path.trim().replace(/\\/g, '/').replace(/^\.\//, '');
  if (!normal || normal.startsWith('/') || /^[a-z]:/i.test(normal) || /^[a-z][a-z0-9+.-]*:/i.test(normal)) return undefined;
  if (normal.split('/').some((step) => step === '..' || step === '')) return undefined;
  return normal;
}
