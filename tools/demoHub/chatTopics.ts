// The demo hub's prepared chat answers for the questions people ask first: a comparison (as a table), a
// function to write, a longer how-to with several code blocks. Each topic is found by words in the question;
// a question no topic matches gets an honest list of what the demo can show instead of an invented answer.

export type TopicKind = 'compare' | 'write' | 'howto';

export interface Topic {
  kind: TopicKind;
  /** Shown in the list of things to try. */
  title: string;
  /** Every pattern must match the question (lower-cased). */
  match: RegExp[];
  thinking: string;
  answer: string;
}

const compareInterfaceType: Topic = {
  kind: 'compare',
  title: '`interface` vs `type` in TypeScript',
  match: [/\binterfaces?\b/, /\btypes?\b/],
  thinking: `The user wants interface and type aliases compared. The real differences: declaration merging (interfaces only), what each can describe (type aliases cover unions, tuples, mapped and conditional types), extends versus intersections, and error messages. Performance differences are small in practice. A table fits, then a rule of thumb.`,
  answer: `Both describe the shape of a value, and for plain object shapes they are interchangeable. The differences show at the edges:

| | \`interface\` | \`type\` alias |
|---|---|---|
| Object shapes | ✅ \`interface User { id: string }\` | ✅ \`type User = { id: string }\` |
| Unions, tuples, primitives | ❌ | ✅ \`type Id = string \\| number\` |
| Mapped and conditional types | ❌ | ✅ \`type ReadOnly<T> = { readonly [K in keyof T]: T[K] }\` |
| Extending | \`extends\`, checked for conflicts | \`&\` intersections, conflicts become \`never\` |
| Declaration merging | ✅ two declarations merge (used to augment libraries) | ❌ a second one is an error |
| \`implements\` in classes | ✅ | ✅ if it is an object type |
| Error messages | show the interface's name | may show the expanded type |

**Rule of thumb:** use \`interface\` for object shapes that others may extend or augment (public APIs, library types), and \`type\` for everything else: unions, tuples, function types and types computed from other types.

\`\`\`ts
interface Shape {
  area(): number;
}
type Circle = Shape & { kind: 'circle'; radius: number };
type Square = Shape & { kind: 'square'; side: number };
type AnyShape = Circle | Square; // a union needs a type alias
\`\`\``,
};

const compareLoops: Topic = {
  kind: 'compare',
  title: 'recursion vs iteration',
  match: [/recurs/, /iterat|loop/],
  thinking: `Recursion versus iteration. Dimensions that matter: readability for tree-shaped problems, stack depth limits (JavaScript has no guaranteed tail calls), performance and memory, and how easy each is to debug. The fibonacci function in the workspace is a good concrete example: naive recursion is exponential, the loop is linear. Table, then the example.`,
  answer: `Both repeat work; they differ in where the state lives: recursion keeps it on the call stack, iteration in variables you manage.

| | Recursion | Iteration |
|---|---|---|
| Fits best | tree-shaped data (file trees, ASTs, JSON), divide and conquer | sequences, counters, streams |
| Memory | one stack frame per level | constant, unless you keep a stack yourself |
| Depth limit | yes: about 10,000 frames in Node before \`RangeError: Maximum call stack size exceeded\` | none |
| Speed in JavaScript | a call per step; no guaranteed tail-call optimisation | usually faster |
| Readability | mirrors the definition (\`fib(n) = fib(n-1) + fib(n-2)\`) | more bookkeeping, fewer surprises |

The classic trap is naive recursion that recomputes the same values:

\`\`\`ts
// O(2^n): fibRec(40) makes over 300 million calls.
function fibRec(n: number): number {
  return n < 2 ? n : fibRec(n - 1) + fibRec(n - 2);
}

// O(n), constant memory: what fibonacci() in utils.ts does.
function fibLoop(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}
\`\`\`

**Rule of thumb:** recurse over structures whose depth you know is modest (a parsed document), loop over anything whose length comes from input.`,
};

const compareRestGraphql: Topic = {
  kind: 'compare',
  title: 'REST vs GraphQL',
  match: [/\brest\b/, /graphql/],
  thinking: `REST versus GraphQL. Compare on data fetching (over- and under-fetching), endpoints, caching (HTTP caching is where REST wins), versioning, tooling and typing, error handling, and where each fits. Keep it balanced and finish with when to pick which.`,
  answer: `| | REST | GraphQL |
|---|---|---|
| Endpoints | one URL per resource (\`/users/42\`, \`/users/42/orders\`) | one endpoint, the query says what it wants |
| Fetching | fixed shapes: often too much or too little, several round trips | exactly the fields asked for, related data in one request |
| Caching | HTTP caching works out of the box (CDNs, \`ETag\`) | needs a client cache (Apollo, urql) or persisted queries |
| Versioning | \`/v2/\` or headers | evolve the schema, deprecate fields |
| Typing | OpenAPI, optional | a schema is required; clients can be generated from it |
| Errors | HTTP status codes | usually \`200\` with an \`errors\` array |
| Cost control | per endpoint | needs depth and complexity limits |

**Pick REST** for public APIs, simple resources and anything that benefits from HTTP caching. **Pick GraphQL** when many clients (web, mobile) need different views of richly connected data and you control both sides.`,
};

const comparePromises: Topic = {
  kind: 'compare',
  title: '`Promise.all` vs `allSettled` vs `race` vs `any`',
  match: [/promise/, /\ball\b|allsettled|\brace\b|\bany\b/],
  thinking: `The four Promise combinators. The differences: when each settles, whether one rejection rejects the whole, and what the result looks like. A table with those columns, then an example of allSettled, which people tend to need when partial failure is fine.`,
  answer: `All four take an array of promises; they differ in when they finish and what one failure does:

| | settles when | one rejection | result |
|---|---|---|---|
| \`Promise.all\` | all fulfil, or the first rejects | rejects at once | array of values |
| \`Promise.allSettled\` | all have settled | is just reported | array of \`{ status, value \\| reason }\` |
| \`Promise.race\` | the first settles, either way | wins if it comes first | that one value |
| \`Promise.any\` | the first fulfils | ignored, unless all reject (\`AggregateError\`) | that one value |

When some failures are acceptable, \`allSettled\` keeps the successes:

\`\`\`ts
const results = await Promise.allSettled(urls.map((url) => fetch(url).then((r) => r.json())));
const pages = results.filter((r) => r.status === 'fulfilled').map((r) => r.value);
const failed = results.filter((r) => r.status === 'rejected').length;
\`\`\``,
};

const writeDebounce: Topic = {
  kind: 'write',
  title: 'a `debounce` function',
  match: [/debounce/],
  thinking: `They want debounce. A typed version: generic over the function's parameters, a timer reset on each call, the last arguments used. Useful extras: a cancel method, and keeping this out of it by using an arrow. Show a usage example.`,
  answer: `\`\`\`ts
/**
 * Wraps \`fn\` so that it runs only once calls have stopped for \`waitMs\`: a burst of calls (keystrokes,
 * resize events) becomes one call, with the last call's arguments.
 */
export function debounce<Args extends unknown[]>(fn: (...args: Args) => void, waitMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const debounced = (...args: Args): void => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), waitMs);
  };
  /** Drops a pending call, e.g. when the component it belongs to goes away. */
  debounced.cancel = (): void => clearTimeout(timer);
  return debounced;
}
\`\`\`

Usage:

\`\`\`ts
const search = debounce((query: string) => console.log('searching for', query), 300);
search('a');
search('ab');
search('abc'); // only this one runs, 300 ms after the last keystroke
\`\`\`

Each call clears the pending timer and starts a new one, so \`fn\` runs once the calls pause. Types flow through: \`search(42)\` is a compile error.`,
};

const writePalindrome: Topic = {
  kind: 'write',
  title: 'an `isPalindrome` function',
  match: [/palindrome/],
  thinking: `isPalindrome. Decide what counts: ignore case, spaces and punctuation, so "A man, a plan, a canal: Panama" is one. Normalise with a Unicode-aware regex, then compare from both ends rather than reversing a copy. Add a few examples.`,
  answer: `\`\`\`ts
/** Whether \`text\` reads the same backwards, ignoring case, spaces and punctuation. */
export function isPalindrome(text: string): boolean {
  const letters = text.toLowerCase().replace(/[^\\p{L}\\p{N}]/gu, '');
  for (let i = 0, j = letters.length - 1; i < j; i++, j--) {
    if (letters[i] !== letters[j]) return false;
  }
  return true;
}
\`\`\`

\`\`\`ts
isPalindrome('racecar'); // true
isPalindrome('A man, a plan, a canal: Panama'); // true
isPalindrome('hello'); // false
isPalindrome(''); // true: nothing to mismatch
\`\`\`

It keeps letters and digits of any script (\`\\p{L}\`, \`\\p{N}\`) and compares from both ends towards the middle, stopping at the first mismatch, without building a reversed copy.`,
};

const writeChunk: Topic = {
  kind: 'write',
  title: 'a `chunk` function that splits an array',
  match: [/chunk|split.*array|batch/],
  thinking: `chunk(items, size): split an array into groups of size, the last one shorter. Validate size (a positive integer, or the loop never ends). Generic type parameter. Use slice in steps of size.`,
  answer: `\`\`\`ts
/** Splits \`items\` into arrays of \`size\` elements; the last one holds what is left. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) {
    throw new RangeError(\`chunk size must be a positive integer, got \${size}\`);
  }
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    chunks.push(items.slice(i, i + size));
  }
  return chunks;
}
\`\`\`

\`\`\`ts
chunk([1, 2, 3, 4, 5], 2); // [[1, 2], [3, 4], [5]]
chunk([], 3); // []
\`\`\`

The size check matters: with \`0\` or a fraction the loop would never end or produce odd groups.`,
};

const howtoStream: Topic = {
  kind: 'howto',
  title: 'how to stream a chat completion from an OpenAI-compatible hub in TypeScript',
  match: [/stream|api|hub|openai|completion|fetch/],
  thinking: `A longer how-to: calling an OpenAI-compatible API with streaming from TypeScript without an SDK. Steps: the request, reading the event stream, parsing data lines, handling [DONE], errors and cancellation. Several code blocks: shell for the key, the request, the parser, and usage. Mention that a proper SSE parser beats splitting on newlines.`,
  answer: `Here is the whole path, with no SDK: Node 18+ has \`fetch\` and web streams built in.

**1. Keep the key out of the code**

\`\`\`sh
export AIHUB_API_KEY=sk-...   # your hub's key
\`\`\`

**2. Ask for a streamed completion**

\`\`\`ts
const res = await fetch('https://aihubapi.ai/v1/chat/completions', {
  method: 'POST',
  headers: {
    Authorization: \`Bearer \${process.env.AIHUB_API_KEY}\`,
    'Content-Type': 'application/json',
  },
  body: JSON.stringify({
    model: 'gpt-4o-mini',
    stream: true,
    messages: [{ role: 'user', content: 'Explain closures in one paragraph.' }],
  }),
});
if (!res.ok) throw new Error(\`hub answered \${res.status}: \${await res.text()}\`);
\`\`\`

**3. Read the server-sent events**

The body is a stream of \`data: {...}\` lines, ending with \`data: [DONE]\`. Events can be split across network chunks, so buffer until a blank line:

\`\`\`ts
async function* deltas(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const bytes of body) {
    buffer += decoder.decode(bytes, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\\n\\n')) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of event.split('\\n')) {
        if (!line.startsWith('data:')) continue; // comments such as ": PING" keep the connection alive
        const data = line.slice(5).trim();
        if (data === '[DONE]') return;
        const chunk = JSON.parse(data);
        if (chunk.error) throw new Error(chunk.error.message);
        const text = chunk.choices?.[0]?.delta?.content;
        if (text) yield text;
      }
    }
  }
}
\`\`\`

**4. Print it as it arrives**

\`\`\`ts
for await (const text of deltas(res.body!)) process.stdout.write(text);
\`\`\`

**Production notes**

- Use a tested SSE parser (\`eventsource-parser\`) rather than the loop above: it handles \`\\r\\n\`, multi-line data and retries.
- Pass an \`AbortSignal\` to \`fetch\` so a Stop button can cancel the request.
- Retry 429 and 5xx with backoff, honouring \`Retry-After\`, but only before the first token arrived.

This is what the AI Hub extension does for you, with retries, cancellation and token counts.`,
};

const howtoTest: Topic = {
  kind: 'howto',
  title: 'how to unit-test TypeScript with `node:test`',
  match: [/test/],
  thinking: `How to unit test TypeScript with no framework to install: node:test and node:assert, run through tsx. Steps: install tsx, write a test, run, watch mode, coverage. Several code blocks. Use the median function from the workspace as the example, since its bug is a good test case.`,
  answer: `Node has a test runner built in (\`node:test\`), so all you add is something to run TypeScript:

**1. Install a TypeScript runner**

\`\`\`sh
npm install --save-dev tsx
\`\`\`

**2. Write a test next to the code**

\`\`\`ts
// utils.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median } from './utils';

test('median sorts numbers by value', () => {
  assert.equal(median([10, 9, 2]), 9);
});

test('median of an empty list throws', () => {
  assert.throws(() => median([]), RangeError);
});
\`\`\`

**3. Run it**

\`\`\`sh
node --import tsx --test utils.test.ts
\`\`\`

\`\`\`text
✖ median sorts numbers by value
  AssertionError: Expected values to be strictly equal: 2 !== 9
✔ median of an empty list throws
\`\`\`

That failure is real: \`median\` in this workspace sorts numbers as strings. Try **AI Hub: Fix Selection** on it, then run the tests again.

**4. Add it to package.json**

\`\`\`json
{
  "scripts": {
    "test": "node --import tsx --test \\"**/*.test.ts\\"",
    "test:watch": "node --import tsx --test --watch \\"**/*.test.ts\\""
  }
}
\`\`\`

**AI Hub: Write Unit Tests** writes a file like this for the code at your cursor.`,
};

export const TOPICS: readonly Topic[] = [
  compareInterfaceType,
  compareLoops,
  compareRestGraphql,
  comparePromises,
  writeDebounce,
  writePalindrome,
  writeChunk,
  howtoTest,
  howtoStream,
];

const INTENTS: Record<TopicKind, RegExp> = {
  compare: /\b(compare|comparison|vs\.?|versus|difference|differences|differ|pros and cons|better|or)\b|\btable\b/,
  write: /\b(write|create|implement|give me|make|code for|generate)\b/,
  howto: /\b(how (do|can|should|would) (i|you|we)|how to|step by step|tutorial|guide|walk me through|set up|example)\b/,
};

/** The topic a question asks for: its kind must show in the wording, and all of the topic's words must match. */
export function findTopic(question: string): Topic | undefined {
  const q = question.toLowerCase();
  const kinds = (Object.keys(INTENTS) as TopicKind[]).filter((k) => INTENTS[k].test(q));
  const fits = (t: Topic) => t.match.every((m) => m.test(q));
  return TOPICS.find((t) => kinds.includes(t.kind) && fits(t)) ?? TOPICS.find((t) => fits(t) && t.match.length > 1);
}

const STRICT_COMPARE = /\b(compare|comparison|vs\.?|versus|difference|differences|pros and cons|table)\b/;

/** The intent a question shows, when no prepared topic matches it. */
export function intentOf(question: string): TopicKind | undefined {
  const q = question.toLowerCase();
  if (INTENTS.write.test(q)) return 'write';
  if (INTENTS.howto.test(q)) return 'howto';
  return STRICT_COMPARE.test(q) ? 'compare' : undefined;
}

/** Suggestions of a kind (or all), as a markdown list. */
export function suggestions(kind?: TopicKind): string {
  return TOPICS.filter((t) => !kind || t.kind === kind)
    .map((t) => `- ${t.kind === 'compare' ? 'Compare' : t.kind === 'write' ? 'Write' : 'Show me'} ${t.title}`)
    .join('\n');
}
