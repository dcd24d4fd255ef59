// What the demo hub knows about the demo workspace's functions (tools/demo-workspace/utils.ts): for each, the
// code as shipped, an explanation, its documentation, tests, and a correct rewrite per selection command. A
// unit test compiles every rewrite with tsc and checks it behaves as the original does (the fix: as it should).

/** A rewrite's key: a refactor preset's id (src/core/prompts/builtinPrompts.ts) or `fix`. */
export type RewriteKind = 'simplify' | 'names' | 'types' | 'modernise' | 'extract' | 'fix';

export interface PreparedFunction {
  name: string;
  /** Exactly as in the demo workspace: a rewrite applies only to this shape, never to an edited version. */
  original: string;
  /** Markdown: what it does, how, and what is subtle. */
  explanation: string;
  /** How a reasoning model's thinking about the explanation reads. */
  thinking: string;
  /** The TSDoc comment's lines, without the comment markers. */
  doc: string[];
  /** A `node:test` suite; `{{module}}` is replaced by the file the function is imported from. */
  tests: string;
  rewrites: Record<RewriteKind, string>;
}

const fibonacci: PreparedFunction = {
  name: 'fibonacci',
  original: `export function fibonacci(n: number): number {
  var a = 0,
    b = 1;
  for (var i = 0; i < n; i++) {
    var t = a + b;
    a = b;
    b = t;
  }
  return a;
}`,
  explanation: `\`fibonacci(n)\` returns the \`n\`th Fibonacci number, counting from \`fibonacci(0) = 0\` and \`fibonacci(1) = 1\`.

**How it works**

1. \`a\` and \`b\` hold two neighbouring numbers of the sequence, starting at \`0\` and \`1\`.
2. Each pass of the loop moves one step along: \`t = a + b\` is the next number, then \`a\` takes \`b\`'s place and \`b\` takes \`t\`'s.
3. After \`n\` steps, \`a\` is the \`n\`th number, so that is what it returns.

It runs in O(n) time and constant space: no recursion, no array.

**Worth knowing**

- **Precision:** results are exact up to \`fibonacci(78)\`. From \`n = 79\` on they exceed \`Number.MAX_SAFE_INTEGER\` and are rounded; use \`bigint\` if you need exact large values.
- **Negative or fractional \`n\`:** a negative \`n\` returns \`0\` (the loop never runs), and \`2.5\` is treated like \`3\`. Validate the input if callers might pass those.
- **\`var\`:** the variables are function-scoped and \`t\` only lives inside the loop; \`let\`/\`const\` (or \`[a, b] = [b, a + b]\`) would say that more clearly. *Refactor Selection → Modernise syntax* does it.`,
  thinking: `The user wants an explanation of fibonacci. Reading it: two accumulators a = 0 and b = 1, a loop that runs n times, each step shifts the pair along (t = a + b, a = b, b = t), and it returns a. So fibonacci(0) = 0, fibonacci(1) = 1, fibonacci(2) = 1. Linear time, constant space.

Edge cases: negative n skips the loop and returns 0. Floating point: the 79th Fibonacci number is above 2^53, so results stop being exact there. The var declarations are old style but harmless here. I'll explain the loop step by step, then list those points.`,
  doc: [
    'Returns the `n`th Fibonacci number, counting from `fibonacci(0) === 0` and `fibonacci(1) === 1`.',
    '',
    'Iterative: O(n) time, constant space. Exact up to `n = 78`; larger results exceed',
    '`Number.MAX_SAFE_INTEGER` and are rounded.',
    '',
    '@param n - Position in the sequence; 0 or a negative number gives 0.',
    '@returns The Fibonacci number at position `n`.',
  ],
  tests: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fibonacci } from '{{module}}';

test('fibonacci starts the sequence with 0 and 1', () => {
  assert.equal(fibonacci(0), 0);
  assert.equal(fibonacci(1), 1);
});

test('fibonacci adds the two previous numbers', () => {
  assert.deepEqual(
    [2, 3, 4, 5, 6, 7, 8, 9, 10].map(fibonacci),
    [1, 2, 3, 5, 8, 13, 21, 34, 55],
  );
});

test('fibonacci is exact up to n = 78', () => {
  assert.equal(fibonacci(50), 12586269025);
  assert.equal(fibonacci(78), 8944394323791464);
});

test('fibonacci of a negative number is 0', () => {
  assert.equal(fibonacci(-5), 0);
});
`,
  rewrites: {
    simplify: `export function fibonacci(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}`,
    names: `export function fibonacci(n: number): number {
  var current = 0,
    next = 1;
  for (var step = 0; step < n; step++) {
    var afterNext = current + next;
    current = next;
    next = afterNext;
  }
  return current;
}`,
    types: `export function fibonacci(n: number): number {
  var a: number = 0,
    b: number = 1;
  for (var i: number = 0; i < n; i++) {
    var t: number = a + b;
    a = b;
    b = t;
  }
  return a;
}`,
    modernise: `export function fibonacci(n: number): number {
  let a = 0;
  let b = 1;
  for (let i = 0; i < n; i++) {
    [a, b] = [b, a + b];
  }
  return a;
}`,
    extract: `/** The pair one step further along the sequence. */
function nextPair([a, b]: [number, number]): [number, number] {
  return [b, a + b];
}

export function fibonacci(n: number): number {
  let pair: [number, number] = [0, 1];
  for (let i = 0; i < n; i++) pair = nextPair(pair);
  return pair[0];
}`,
    // Correct as it is: the fix prompt asks for the code back unchanged.
    fix: '',
  },
};

const median: PreparedFunction = {
  name: 'median',
  original: `export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted = [...values].sort();
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 0) {
    return (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[middle];
}`,
  explanation: `\`median(values)\` returns the middle value of a list of numbers: the one in the middle once sorted, or the mean of the two middle ones when the list has an even length. An empty list throws a \`RangeError\`.

**How it works**

1. It refuses an empty list up front, so there is always a middle.
2. \`[...values].sort()\` sorts a copy, leaving the caller's array untouched.
3. \`middle = Math.floor(length / 2)\` is the upper of the two middle positions for an even length, the middle for an odd one.
4. Even length: the average of \`sorted[middle - 1]\` and \`sorted[middle]\`; odd: \`sorted[middle]\`.

**A bug**

\`Array.prototype.sort()\` without a comparator compares elements **as strings**, so \`10\` sorts before \`9\`:

\`\`\`ts
[10, 9, 2].sort(); // [10, 2, 9]
median([10, 9, 2]); // 2, but the median is 9
\`\`\`

Pass a numeric comparator: \`[...values].sort((a, b) => a - b)\`. *Fix Selection* proposes exactly that.

Also worth knowing: \`NaN\` in the list makes the result unpredictable, and the copy costs O(n) memory (fine for most uses).`,
  thinking: `The user wants median explained. It throws on an empty list, copies and sorts, takes the middle index, averages the two middle values for an even length.

Wait: [...values].sort() has no comparator. JavaScript's default sort converts elements to strings, so [10, 9, 2] becomes [10, 2, 9] and the median comes out as 2 instead of 9. That is a real bug, and it only shows with numbers of different digit counts, which is why it slips through tests with small numbers. I should explain the function, then point out the bug with an example and the one-line fix.`,
  doc: [
    'Returns the median of `values`: the middle value once sorted, or the mean of the two middle values when',
    'there is an even number of them. The input array is not modified.',
    '',
    '@param values - The numbers; at least one.',
    '@returns The median of `values`.',
    '@throws {RangeError} When `values` is empty.',
  ],
  tests: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median } from '{{module}}';

test('median of an odd-length list is its middle value', () => {
  assert.equal(median([3, 1, 2]), 2);
});

test('median of an even-length list is the mean of the two middle values', () => {
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('median sorts numbers by value, not as text', () => {
  assert.equal(median([10, 9, 2]), 9);
  assert.equal(median([100, 25, 3, 1]), 14);
});

test('median leaves the input array untouched', () => {
  const values = [3, 1, 2];
  median(values);
  assert.deepEqual(values, [3, 1, 2]);
});

test('median of an empty list throws a RangeError', () => {
  assert.throws(() => median([]), RangeError);
});
`,
  rewrites: {
    simplify: `export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('median of an empty list');
  const sorted = [...values].sort();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}`,
    names: `export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const ascending = [...values].sort();
  const upperMiddle = Math.floor(ascending.length / 2);
  if (ascending.length % 2 === 0) {
    return (ascending[upperMiddle - 1] + ascending[upperMiddle]) / 2;
  }
  return ascending[upperMiddle];
}`,
    types: `export function median(values: readonly number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted: number[] = [...values].sort();
  const middle: number = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 0) {
    return (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[middle];
}`,
    modernise: `export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  const sorted = values.toSorted();
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}`,
    extract: `/** The middle value of an already sorted, non-empty list (the mean of the two middle ones for an even length). */
function middleOf(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 0) {
    return (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[middle];
}

export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  return middleOf([...values].sort());
}`,
    fix: `export function median(values: number[]): number {
  if (values.length === 0) {
    throw new RangeError('median of an empty list');
  }
  // Without a comparator, sort() compares numbers as strings: [10, 9, 2] would become [10, 2, 9].
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 0) {
    return (sorted[middle - 1] + sorted[middle]) / 2;
  }
  return sorted[middle];
}`,
  },
};

const countWords: PreparedFunction = {
  name: 'countWords',
  original: `export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const words = text.toLowerCase().split(/[^a-z0-9']+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word !== '') {
      if (counts.has(word)) {
        counts.set(word, counts.get(word)! + 1);
      } else {
        counts.set(word, 1);
      }
    }
  }
  return counts;
}`,
  explanation: `\`countWords(text)\` counts how often each word occurs in \`text\`, ignoring case, and returns a \`Map\` from word to count (in order of first appearance).

**How it works**

1. \`text.toLowerCase()\` makes \`The\` and \`the\` the same word.
2. \`split(/[^a-z0-9']+/)\` cuts the text at every run of characters that are not a letter, digit or apostrophe, so punctuation and spaces separate words and \`don't\` stays one word.
3. The split leaves empty strings at the ends when the text starts or ends with punctuation; \`if (word !== '')\` skips them.
4. For each word it adds one to its count, starting at 1 the first time.

**Worth knowing**

- **Only ASCII letters count as letters:** \`café\` splits into \`caf\`, and Greek or Chinese text yields nothing. Use \`/[^\\p{L}\\p{N}']+/u\` for any language.
- The nested \`if\`/\`else\` and the non-null assertion \`counts.get(word)!\` can be replaced by \`(counts.get(word) ?? 0) + 1\`; *Refactor Selection → Simplify* does that.`,
  thinking: `Explaining countWords. It lower-cases, splits on runs of characters outside [a-z0-9'], skips empty strings and counts into a Map.

The empty strings come from leading or trailing separators. The apostrophe is kept so contractions stay whole. The character class is ASCII only, so accented letters split words, which is a limitation worth mentioning. The counting could be shortened with ?? 0. I'll walk through it in order and end with those two points.`,
  doc: [
    'Counts how often each word occurs in `text`, ignoring case. Words are runs of ASCII letters, digits and',
    "apostrophes, so `don't` is one word and punctuation separates words.",
    '',
    '@param text - The text to count words in.',
    '@returns A map from each lower-cased word to its number of occurrences, in order of first appearance.',
  ],
  tests: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWords } from '{{module}}';

test('countWords counts repeated words', () => {
  assert.deepEqual([...countWords('the cat and the hat')], [
    ['the', 2],
    ['cat', 1],
    ['and', 1],
    ['hat', 1],
  ]);
});

test('countWords ignores case and punctuation', () => {
  assert.deepEqual([...countWords('Hello, hello! HELLO?')], [['hello', 3]]);
});

test("countWords keeps contractions such as don't whole", () => {
  assert.equal(countWords("don't stop, don't").get("don't"), 2);
});

test('countWords of empty or punctuation-only text is empty', () => {
  assert.equal(countWords('').size, 0);
  assert.equal(countWords(' ... !!! ').size, 0);
});
`,
  rewrites: {
    simplify: `export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().split(/[^a-z0-9']+/)) {
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}`,
    names: `export function countWords(text: string): Map<string, number> {
  const countByWord = new Map<string, number>();
  const words = text.toLowerCase().split(/[^a-z0-9']+/);
  for (let index = 0; index < words.length; index++) {
    const word = words[index];
    if (word !== '') {
      if (countByWord.has(word)) {
        countByWord.set(word, countByWord.get(word)! + 1);
      } else {
        countByWord.set(word, 1);
      }
    }
  }
  return countByWord;
}`,
    types: `export function countWords(text: string): Map<string, number> {
  const counts: Map<string, number> = new Map<string, number>();
  const words: string[] = text.toLowerCase().split(/[^a-z0-9']+/);
  for (let i: number = 0; i < words.length; i++) {
    const word: string = words[i];
    if (word !== '') {
      const seen: number | undefined = counts.get(word);
      counts.set(word, seen === undefined ? 1 : seen + 1);
    }
  }
  return counts;
}`,
    modernise: `export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().split(/[^a-z0-9']+/)) {
    if (word === '') continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}`,
    extract: `/** The lower-cased words of \`text\`: runs of ASCII letters, digits and apostrophes. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter((word) => word !== '');
}

export function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of wordsOf(text)) {
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}`,
    fix: '',
  },
};

const formatDuration: PreparedFunction = {
  name: 'formatDuration',
  original: `export function formatDuration(ms: number): string {
  let seconds = Math.floor(ms / 1000);
  let minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  seconds = seconds % 60;
  minutes = minutes % 60;
  let result = '';
  if (hours > 0) {
    result = result + hours + 'h ';
  }
  if (hours > 0 || minutes > 0) {
    result = result + minutes + 'm ';
  }
  result = result + seconds + 's';
  return result;
}`,
  explanation: `\`formatDuration(ms)\` turns a duration in milliseconds into short text such as \`1h 2m 5s\`, \`3m 0s\` or \`42s\`.

**How it works**

1. It converts milliseconds to whole seconds, then to whole minutes and hours, rounding down each time (\`Math.floor\`), so \`59999\` ms is \`59s\`.
2. \`seconds % 60\` and \`minutes % 60\` keep only what is left over after the larger units.
3. It builds the text from the largest unit down: hours only when there are any, minutes when there are hours or minutes (so \`1h 0m 5s\` keeps its \`0m\`), and seconds always.

**Worth knowing**

- **Negative durations** give odd text: \`-1500\` ms becomes \`-2s\` because \`Math.floor\` rounds towards minus infinity. Clamp or use \`Math.trunc\` if negative input can happen.
- **Days** are not a unit: 50 hours prints as \`50h 0m 0s\`.
- The string is built by concatenation; a template literal per case (\`\${hours}h \${minutes}m \${seconds}s\`) reads more directly.`,
  thinking: `formatDuration: ms to seconds, minutes, hours with Math.floor, then remainders with % 60, then builds "Hh Mm Ss", dropping leading zero units but keeping inner zeros (1h 0m 5s).

Check edge cases: 0 gives "0s". Negative input: Math.floor(-1.5) is -2, so -1500 ms prints "-2s", which is surprising. No days unit. Nothing is wrong for normal input. I'll explain the unit conversion, the remainder step and the string building, then note negatives and days.`,
  doc: [
    'Formats a duration as short text: `1h 2m 5s`, `3m 0s` or `42s`. Leading units that are zero are left out;',
    'the parts are rounded down to whole seconds.',
    '',
    '@param ms - The duration in milliseconds; meant for zero or more.',
    '@returns The duration as hours, minutes and seconds, from the largest non-zero unit down.',
  ],
  tests: `import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatDuration } from '{{module}}';

test('formatDuration shows seconds alone under a minute', () => {
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(42_000), '42s');
});

test('formatDuration rounds down to whole seconds', () => {
  assert.equal(formatDuration(59_999), '59s');
});

test('formatDuration shows minutes and seconds under an hour', () => {
  assert.equal(formatDuration(180_000), '3m 0s');
  assert.equal(formatDuration(61_000), '1m 1s');
});

test('formatDuration keeps zero minutes between hours and seconds', () => {
  assert.equal(formatDuration(3_605_000), '1h 0m 5s');
  assert.equal(formatDuration(3_725_000), '1h 2m 5s');
});
`,
  rewrites: {
    simplify: `export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  if (hours > 0) return \`\${hours}h \${minutes}m \${seconds}s\`;
  if (minutes > 0) return \`\${minutes}m \${seconds}s\`;
  return \`\${seconds}s\`;
}`,
    names: `export function formatDuration(ms: number): string {
  let secondsPart = Math.floor(ms / 1000);
  let minutesPart = Math.floor(secondsPart / 60);
  const hoursPart = Math.floor(minutesPart / 60);
  secondsPart = secondsPart % 60;
  minutesPart = minutesPart % 60;
  let text = '';
  if (hoursPart > 0) {
    text = text + hoursPart + 'h ';
  }
  if (hoursPart > 0 || minutesPart > 0) {
    text = text + minutesPart + 'm ';
  }
  text = text + secondsPart + 's';
  return text;
}`,
    types: `export function formatDuration(ms: number): string {
  let seconds: number = Math.floor(ms / 1000);
  let minutes: number = Math.floor(seconds / 60);
  const hours: number = Math.floor(minutes / 60);
  seconds = seconds % 60;
  minutes = minutes % 60;
  let result: string = '';
  if (hours > 0) {
    result = result + hours + 'h ';
  }
  if (hours > 0 || minutes > 0) {
    result = result + minutes + 'm ';
  }
  result = result + seconds + 's';
  return result;
}`,
    modernise: `export function formatDuration(ms: number): string {
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor(totalSeconds / 60) % 60;
  const seconds = totalSeconds % 60;
  const parts = [hours > 0 && \`\${hours}h\`, (hours > 0 || minutes > 0) && \`\${minutes}m\`, \`\${seconds}s\`];
  return parts.filter(Boolean).join(' ');
}`,
    extract: `/** Whole hours, minutes (0–59) and seconds (0–59) in \`ms\`, each rounded down. */
function splitDuration(ms: number): { hours: number; minutes: number; seconds: number } {
  const totalSeconds = Math.floor(ms / 1000);
  return {
    hours: Math.floor(totalSeconds / 3600),
    minutes: Math.floor(totalSeconds / 60) % 60,
    seconds: totalSeconds % 60,
  };
}

export function formatDuration(ms: number): string {
  const { hours, minutes, seconds } = splitDuration(ms);
  let result = '';
  if (hours > 0) {
    result = result + hours + 'h ';
  }
  if (hours > 0 || minutes > 0) {
    result = result + minutes + 'm ';
  }
  result = result + seconds + 's';
  return result;
}`,
    fix: '',
  },
};

export const PREPARED: readonly PreparedFunction[] = [fibonacci, median, countWords, formatDuration];

/** Sample arguments the unit test calls each version with: plain cases, edges and the bug's trigger. */
export const SAMPLE_ARGUMENTS: Record<string, unknown[][]> = {
  fibonacci: [[0], [1], [2], [10], [30], [78], [90], [-3], [2.5]],
  median: [[[1]], [[3, 1, 2]], [[4, 1, 3, 2]], [[10, 9, 2]], [[100, 25, 3, 1]], [[-5, 0, 5, 1.5]], [[]]],
  countWords: [['the cat and the hat'], ['Hello, hello! HELLO?'], ["don't stop, don't"], [''], [' ... !!! '], ['café au lait']],
  formatDuration: [[0], [999], [42_000], [59_999], [61_000], [180_000], [3_605_000], [3_725_000], [180_000_000], [-1500]],
};
