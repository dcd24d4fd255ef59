// Pure pieces of the chat: titles, export, request messages, stable markdown blocks, link and language checks.
import * as assert from 'node:assert/strict';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { exportFileName, exportMarkdown } from '../../src/core/chat/exportMarkdown';
import { languageIdForFence } from '../../src/core/chat/languageIds';
import { externalLink } from '../../src/core/chat/links';
import { requestMessages } from '../../src/core/chat/requestMessages';
import { deriveTitle, withDerivedTitle } from '../../src/core/chat/title';
import { MarkdownCutter, PIECE_CHARS, PLAIN_ABOVE_CHARS, type Piece } from '../../src/webview/stableBlocks';

function sample(): Conversation {
  const c = newConversation('c1', 'gpt-4o-mini', Date.UTC(2026, 10, 23));
  c.turns.push(
    {
      id: 'u1',
      role: 'user',
      text: 'Why does `sum` fail?',
      context: [{ fileName: 'src/a.ts', language: 'typescript', text: 'const s = "```";\n' }],
      createdAt: 1,
    },
    {
      id: 'a1',
      role: 'assistant',
      model: 'gpt-4o-mini',
      text: 'Because of **x**.',
      reasoning: 'Look at the loop.',
      status: 'done',
      createdAt: 2,
    },
    { id: 'u2', role: 'user', text: 'And now?', createdAt: 3 },
    {
      id: 'a2',
      role: 'assistant',
      model: 'gpt-4o-mini',
      text: 'Partial',
      status: 'error',
      error: { message: 'The hub failed (500).' },
      createdAt: 4,
    },
  );
  return c;
}

describe('chat core', () => {
  it('derives a title from the first question: first line, no markdown, cut at a word', () => {
    assert.equal(deriveTitle('## How do I **parse** `JSON` in [Go](https://go.dev)?\nmore'), 'How do I parse JSON in Go?');
    assert.equal(deriveTitle('```ts\ncode only\n```\nExplain this'), 'Explain this');
    const long = deriveTitle('word '.repeat(40));
    assert.ok(long.length <= 61 && long.endsWith('…'), long);
    assert.equal(deriveTitle('   '), 'New chat');
    const c = sample();
    assert.equal(withDerivedTitle(c).title, 'Why does sum fail?');
    assert.equal(withDerivedTitle({ ...c, title: 'Mine', customTitle: true }).title, 'Mine', 'a renamed conversation keeps its name');
  });

  it('sends questions with their attachments fenced safely, and leaves failed answers out', () => {
    const messages = requestMessages(sample().turns);
    assert.deepEqual(
      messages.map((m) => m.role),
      ['user', 'assistant', 'user'],
    );
    const first = messages[0].content as string;
    assert.ok(first.startsWith('Why does `sum` fail?\n\nsrc/a.ts (typescript):\n````ts\n'), first);
    assert.equal(messages[1].content, 'Because of **x**.');
  });

  it('exports markdown with the questions, code, thinking, answers and failures', () => {
    const md = exportMarkdown({ ...sample(), title: 'Sum bug' });
    assert.ok(md.startsWith('# Sum bug\n'));
    assert.ok(md.includes('## You\n\nWhy does `sum` fail?'));
    assert.ok(md.includes('````ts\nconst s = "```";\n````'), 'code with backticks keeps a longer fence');
    assert.ok(md.includes('<details><summary>Thinking</summary>'));
    assert.ok(md.includes('> **Error:** The hub failed (500).'));
    assert.equal(exportFileName({ ...sample(), title: 'Why does `sum` fail? / now' }), 'Why-does-sum-fail-now.md');
  });

  it('cuts streaming markdown only after blank lines outside code fences', () => {
    const text = 'Intro paragraph.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\nAfter';
    const stream = new MarkdownCutter();
    assert.deepEqual(texts(stream.cut(text)), ['Intro paragraph.\n\n', '```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n']);
    assert.equal(text.slice(stream.from), 'After', 'the unfinished rest');
    assert.deepEqual(texts(new MarkdownCutter().cut('```py\nx\n\ny\n')), [], 'an open fence is never cut at a blank line');
    const growing = new MarkdownCutter();
    assert.deepEqual(texts(growing.cut('a\n\nb')), ['a\n\n']);
    assert.deepEqual(texts(growing.cut('a\n\nb\n\nc')), ['b\n\n'], 'continues from the last cut as the text grows');
    assert.deepEqual(
      texts(new MarkdownCutter().cut('~~~\n```\n\n~~~\n\nz')),
      ['~~~\n```\n\n~~~\n\n'],
      'a fence closes only with its own marker',
    );
    assert.deepEqual(texts(new MarkdownCutter().cut('~~~\n```\n\nx\n')), [], 'a backtick fence does not close a tilde fence');
    assert.deepEqual(texts(new MarkdownCutter(PIECE_CHARS).rest(text)), [text], 'a saved reply groups blocks up to the piece size');
  });

  it('cuts a long saved reply into pieces of about the piece size, not one block up to its last blank line', () => {
    const paragraph = `${'word '.repeat(60)}\n\n`;
    const text = paragraph.repeat(400);
    const pieces = new MarkdownCutter(PIECE_CHARS).rest(text);
    assert.equal(texts(pieces).join(''), text);
    assert.ok(pieces.length >= 40, `${pieces.length} pieces`);
    for (const piece of pieces) assert.ok(piece.text.length < PIECE_CHARS + paragraph.length, `a piece of ${piece.text.length} characters`);
  });

  it('cuts one long table between rows, each piece after the first drawn with its header', () => {
    const header = '| a | b |\n|---|:-:|\n';
    const rows = Array.from({ length: 500 }, (_, i) => `| ${i} | *x${i}* |\n`).join('');
    const text = `Intro\n${header}${rows}After the table.\n`;
    const pieces = new MarkdownCutter(PIECE_CHARS).rest(text);
    assert.equal(texts(pieces).join(''), text, 'nothing lost or repeated');
    assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
    assert.equal(pieces[0].kind, 'markdown');
    for (const piece of pieces.slice(1)) {
      assert.equal(piece.kind, 'table');
      assert.equal(piece.prefix, `| a | b |\n|---|:-:|\n`);
      assert.match(piece.text, /^\| \d+ \|/, 'starts at a row');
      assert.ok(piece.text.length <= PIECE_CHARS + 20);
    }
  });

  it('cuts one long code block between lines, each piece after the first drawn with its opening line', () => {
    const lines = Array.from({ length: 400 }, (_, i) => `const v${i} = ${i}; // a line of code`).join('\n');
    const text = `\`\`\`ts path=src/a.ts\n${lines}\n\`\`\`\nAfter.\n`;
    const stream = new MarkdownCutter();
    const pieces: Piece[] = [];
    for (let at = 0; at < text.length; at += 97) pieces.push(...stream.cut(text.slice(0, at)));
    pieces.push(...stream.rest(text));
    assert.equal(texts(pieces).join(''), text, 'streamed in small deltas, nothing lost or repeated');
    assert.ok(pieces.length >= 5, `${pieces.length} pieces`);
    for (const piece of pieces.slice(1, -1)) {
      assert.equal(piece.kind, 'fence');
      assert.equal(piece.prefix, '```ts path=src/a.ts\n');
    }
  });

  it('cuts a stream the same when the reader drops what was cut (forget), as a streaming view does every frame', () => {
    const table = `| a | b |\n| --- | --- |\n${Array.from({ length: 120 }, (_, i) => `| ${i} | *${i}* |`).join('\n')}\n\n`;
    const code = `\`\`\`ts\n${Array.from({ length: 150 }, (_, i) => `const v${i} = ${i};`).join('\n')}\n\`\`\`\n\n`;
    const text = `# Title\n\nA paragraph.\n\n${table}${code}- item\n  more\n- item\n\n${'word '.repeat(PLAIN_ABOVE_CHARS / 4)}\nafter\n\ntail`;
    for (const step of [7, 24, 333]) {
      const whole = new MarkdownCutter();
      const dropping = new MarkdownCutter();
      const expected: Piece[] = [];
      const got: Piece[] = [];
      let rest = '';
      for (let at = 0; at < text.length; at += step) {
        expected.push(...whole.cut(text.slice(0, at + step)));
        rest += text.slice(at, at + step);
        got.push(...dropping.cut(rest));
        rest = rest.slice(dropping.from);
        dropping.forget(dropping.from);
        assert.equal(dropping.kind, whole.kind);
        assert.equal(dropping.prefix, whole.prefix);
      }
      expected.push(...whole.rest(text));
      got.push(...dropping.rest(rest));
      assert.deepEqual(got, expected, `deltas of ${step} characters`);
      assert.equal(texts(got).join(''), text);
    }
  });

  it('shows one line past PLAIN_ABOVE_CHARS as plain text, and cuts a long list at unindented lines', () => {
    const line = 'word '.repeat(PLAIN_ABOVE_CHARS / 4);
    const pieces = new MarkdownCutter(PIECE_CHARS).rest(`# Title\n${line}\nafter\n`);
    assert.deepEqual(
      pieces.map((p) => p.kind),
      ['markdown', 'plain', 'markdown'],
    );
    assert.equal(pieces[1].text, `${line}\n`);
    const oneLine = new MarkdownCutter(PIECE_CHARS);
    assert.deepEqual(
      oneLine.next(line).map((p) => p.kind),
      ['plain'],
      'a reply that is one long line, with no newline',
    );
    assert.deepEqual(oneLine.next(line), [], 'and nothing more once it is cut');
    const list = Array.from({ length: 600 }, (_, i) => `- item ${i}\n  more of item ${i}\n`).join('');
    const listPieces = new MarkdownCutter(PIECE_CHARS).rest(list);
    assert.equal(texts(listPieces).join(''), list);
    assert.ok(listPieces.length >= 3);
    for (const piece of listPieces) assert.match(piece.text, /^- item/, 'cut only before an item, never inside one');
  });

  it('opens only http and https links', () => {
    assert.equal(externalLink('https://example.com/a?b')?.host, 'example.com');
    assert.ok(externalLink('http://127.0.0.1:8080/'));
    for (const href of [
      'javascript:alert(1)',
      'command:workbench.action.terminal.new',
      'file:///etc/passwd',
      'vscode://x',
      'data:text/html,x',
      '/relative',
      'JaVaScRiPt:alert(1)',
    ]) {
      assert.equal(externalLink(href), undefined, href);
    }
  });

  it('maps fence tags to the VS Code languages that exist', () => {
    const known = ['typescript', 'python', 'shellscript', 'plaintext', 'rust'];
    assert.equal(languageIdForFence('ts', known), 'typescript');
    assert.equal(languageIdForFence('Python', known), 'python');
    assert.equal(languageIdForFence('bash', known), 'shellscript');
    assert.equal(languageIdForFence('rs', known), 'rust');
    assert.equal(languageIdForFence('cobol', known), 'plaintext');
    assert.equal(languageIdForFence('', known), 'plaintext');
  });
});

function texts(pieces: Piece[]): string[] {
  return pieces.map((p) => p.text);
}
