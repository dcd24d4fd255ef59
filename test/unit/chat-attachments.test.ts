// Naming attached selections, and which files a conversation is about (selection commands continue only those).
import * as assert from 'node:assert/strict';
import { selectionName } from '../../src/core/chat/attachmentName';
import { fileOfAttachment, isAboutFile } from '../../src/core/chat/conversationFiles';
import { newConversation, type Conversation } from '../../src/core/chat/conversation';

describe('attached selections', () => {
  it('names the lines a selection covers, leaving out a last line it only touches at column 0', () => {
    // Lines 13 to 18 (1-based) selected by dragging to the start of line 18: five lines of code.
    assert.equal(selectionName('fibonacci.ts', { line: 12, character: 0 }, { line: 17, character: 0 }), 'fibonacci.ts:13-17');
    assert.equal(selectionName('fibonacci.ts', { line: 12, character: 0 }, { line: 17, character: 3 }), 'fibonacci.ts:13-18');
    assert.equal(selectionName('a.py', { line: 4, character: 2 }, { line: 4, character: 9 }), 'a.py:5');
    assert.equal(selectionName('a.py', { line: 4, character: 0 }, { line: 5, character: 0 }), 'a.py:5');
  });
});

describe('conversation files', () => {
  const about = (...files: string[]): Conversation => {
    const c = newConversation('c1', 'gpt-4o', 0);
    c.turns.push({
      id: 'u1',
      role: 'user',
      text: 'Explain',
      createdAt: 0,
      context: files.map((fileName) => ({ fileName, language: 'ts', text: 'x' })),
    });
    return c;
  };

  it('treats a file and a line range of it as the same file', () => {
    assert.equal(fileOfAttachment('src/a.ts:13-17'), 'src/a.ts');
    assert.equal(fileOfAttachment('src/a.ts:5'), 'src/a.ts');
    assert.equal(fileOfAttachment('src/a.ts'), 'src/a.ts');
  });

  it('is about a file when a question attached code from it', () => {
    assert.equal(isAboutFile(about('src/a.ts'), 'src/a.ts:3-9'), true);
    assert.equal(isAboutFile(about('src/a.ts:1-4'), 'src/a.ts'), true);
    assert.equal(isAboutFile(about('src/b.ts'), 'src/a.ts'), false);
    assert.equal(isAboutFile(newConversation('c2', 'gpt-4o', 0), 'src/a.ts'), false);
  });
});
