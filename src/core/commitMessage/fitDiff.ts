// A unified diff cut to a token budget for a commit-message prompt. Every file stays named with its counts of
// added and removed lines (the subject depends on which files changed); the budget is shared out so small files
// appear whole and large ones (a lock file, a generated bundle) are cut to an equal share, never crowding out
// the rest. Token counts use the one estimator every surface uses.
import { estimateTokens } from '../models/tokenEstimate';

export interface DiffFile {
  path: string;
  added: number;
  removed: number;
  /** The file's part of the diff, from its `diff --git` line. */
  text: string;
}

export interface FittedDiff {
  /** What goes in the prompt: whole files, cut files (marked where cut) and, last, the files left out. */
  text: string;
  files: number;
  /** Files shown in full. */
  whole: number;
  /** Files shown in part. */
  cut: number;
  /** Files named only. */
  omitted: number;
  /** Estimated tokens of the diff as it was, and of `text`. */
  originalTokens: number;
  tokens: number;
}

/** A cut file keeps at least this much of its diff (its header and the first lines of a hunk), else it is only named. */
const MIN_FILE_TOKENS = 60;
/** A character is at least this fraction of a token for the estimator, bar whitespace runs: pre-cuts huge text before estimating it. */
const MAX_CHARS_PER_TOKEN = 8;
const CUT_MARK = '… (rest of this file’s diff left out to fit the model’s context)';

export function splitDiff(diff: string): DiffFile[] {
  const sections = diff.replace(/\r\n/g, '\n').split(/^(?=diff --git )/m);
  return sections
    .filter((s) => s.startsWith('diff --git '))
    .map((text) => {
      const header = /^diff --git a\/(.*?) b\/(.*)$/m.exec(text);
      let added = 0;
      let removed = 0;
      for (const line of text.split('\n')) {
        if (line.startsWith('+') && !line.startsWith('+++ ')) added++;
        else if (line.startsWith('-') && !line.startsWith('--- ')) removed++;
      }
      return { path: header?.[2] ?? text.slice(11, text.indexOf('\n')), added, removed, text: text.endsWith('\n') ? text : `${text}\n` };
    });
}

/** The first `budget` tokens of a file's diff, cut at a line. */
function cutFile(text: string, budget: number): string {
  const lines = text.slice(0, budget * MAX_CHARS_PER_TOKEN).split('\n');
  const kept: string[] = [];
  let used = estimateTokens(CUT_MARK) + 1;
  for (const line of lines) {
    const cost = estimateTokens(line) + 1;
    if (used + cost > budget) break;
    kept.push(line);
    used += cost;
  }
  return `${kept.join('\n')}\n${CUT_MARK}\n`;
}

/** The diff within `budgetTokens`, or undefined when not even the list of its files fits. */
export function fitDiff(diff: string, budgetTokens: number): FittedDiff | undefined {
  const files = splitDiff(diff);
  const listing = (f: DiffFile) => `${f.path} (+${f.added} −${f.removed})`;
  // Estimating a 50 MB diff token by token would take seconds: beyond a size that cannot fit anyway, count by length.
  const sizes = files.map((f) =>
    f.text.length > budgetTokens * MAX_CHARS_PER_TOKEN ? Math.ceil(f.text.length / 4) : estimateTokens(f.text),
  );
  const originalTokens = sizes.reduce((a, b) => a + b, 0);
  if (originalTokens <= budgetTokens) {
    return {
      text: files.map((f) => f.text).join(''),
      files: files.length,
      whole: files.length,
      cut: 0,
      omitted: 0,
      originalTokens,
      tokens: originalTokens,
    };
  }
  // Water-filling: smallest first, each file gets at most an equal share of what is left.
  const shares = new Array<number>(files.length).fill(0);
  const order = files.map((_, i) => i).sort((a, b) => sizes[a] - sizes[b]);
  // The names of files that may be left out are paid for first.
  let left = budgetTokens - files.reduce((n, f) => n + estimateTokens(listing(f)) + 1, 0) - 20;
  if (left < 0) return undefined;
  order.forEach((i, k) => {
    const share = Math.floor(left / (order.length - k));
    shares[i] = Math.min(sizes[i], share);
    left -= shares[i];
  });
  const parts: string[] = [];
  const omittedFiles: DiffFile[] = [];
  let whole = 0;
  let cut = 0;
  files.forEach((f, i) => {
    if (shares[i] >= sizes[i]) {
      parts.push(f.text);
      whole++;
    } else if (shares[i] >= MIN_FILE_TOKENS) {
      parts.push(cutFile(f.text, shares[i]));
      cut++;
    } else {
      omittedFiles.push(f);
    }
  });
  if (omittedFiles.length > 0) {
    parts.push(`Files changed but not shown (no room left):\n${omittedFiles.map((f) => `- ${listing(f)}`).join('\n')}\n`);
  }
  const text = parts.join('');
  return { text, files: files.length, whole, cut, omitted: omittedFiles.length, originalTokens, tokens: estimateTokens(text) };
}

/** A file git does not track yet, as a diff that adds it (git's own diff leaves untracked files out). */
export function newFileDiff(path: string, content: string | { omitted: string }): string {
  const header = `diff --git a/${path} b/${path}\nnew file (untracked)\n--- /dev/null\n+++ b/${path}\n`;
  if (typeof content !== 'string') return `${header}(contents not shown: ${content.omitted})\n`;
  const lines = content.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  return `${header}@@ -0,0 +1,${lines.length} @@\n${lines.map((l) => `+${l}`).join('\n')}\n`;
}
