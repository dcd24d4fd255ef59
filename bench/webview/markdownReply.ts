// A long model reply in markdown, the same every time: headings, paragraphs with inline marks, lists, tables
// and fenced code, so the renderer meets every construct it handles while the reply grows.

function section(i: number): string {
  return [
    `## Step ${i + 1}: handle case ${i}`,
    '',
    `The function \`handle${i}\` reads the **input**, checks it, and returns a _new_ value; see [the guide](https://example.com/guide/${i}) for details.`,
    `It runs in O(n) time and keeps ${i % 7} items in memory, which matters when the list is long.`,
    '',
    `- first, validate the argument (${i})`,
    '- then map each item to its key',
    '- finally, sort by key and return',
    '',
    '```ts',
    `export function handle${i}(items: readonly Item[]): Result[] {`,
    '  const out: Result[] = [];',
    '  for (const item of items) {',
    `    if (item.size > ${i}) out.push({ key: item.id, value: item.size * 2 });`,
    '  }',
    '  return out.sort((a, b) => a.key.localeCompare(b.key));',
    '}',
    '```',
    '',
    '| input | output |',
    '| --- | --- |',
    `| ${i} | ${i * 2} |`,
    '',
  ].join('\n');
}

export function markdownReply(bytes: number): string {
  let text = '# Walkthrough\n\n';
  for (let i = 0; text.length < bytes; i++) text += section(i);
  return text.slice(0, bytes);
}

/** Pieces of a few tokens each, as a hub streams them. */
export function chunksOf(text: string, size = 24): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
