// Pure pieces of the chat: titles, export, request messages, stable markdown blocks, link and language checks.
import * as assert from 'node:assert/strict';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';
import { exportFileName, exportMarkdown } from '../../src/core/chat/exportMarkdown';
import { languageIdForFence } from '../../src/core/chat/languageIds';
import { externalLink } from '../../src/core/chat/links';
import { requestMessages } from '../../src/core/chat/requestMessages';
import { deriveTitle, withDerivedTitle } from '../../src/core/chat/title';
import { BLOCK_CHARS, splitBlocks, stableEnd } from '../../src/webview/stableBlocks';

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
    const end = stableEnd(text, 0);
    assert.equal(text.slice(0, end), 'Intro paragraph.\n\n```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n');
    assert.equal(stableEnd('```py\nx\n\ny', 0), 0, 'an open fence is never cut');
    assert.equal(stableEnd('a\n\nb\n\nc', 3), 6, 'continues from the last boundary');
    assert.deepEqual(splitBlocks(text, 1), ['Intro paragraph.\n\n', '```ts\nconst a = 1;\n\nconst b = 2;\n```\n\n', 'After']);
    assert.deepEqual(splitBlocks(text), [text], 'blocks are grouped up to the block size');
    assert.equal(splitBlocks(text, 1).join(''), text);
    assert.equal(stableEnd('~~~\n```\n\n~~~\n\nz', 0), 14, 'a fence closes only with its own marker');
    assert.equal(stableEnd('~~~\n```\n\nx', 0), 0, 'a backtick fence does not close a tilde fence');
  });

  it('cuts a long saved reply into blocks of about the block size, not one block up to its last blank line', () => {
    const paragraph = `${'word '.repeat(60)}\n\n`;
    const text = paragraph.repeat(400);
    const blocks = splitBlocks(text);
    assert.equal(blocks.join(''), text);
    assert.ok(blocks.length >= 40, `${blocks.length} blocks`);
    for (const block of blocks) assert.ok(block.length < BLOCK_CHARS + paragraph.length, `a block of ${block.length} characters`);
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
