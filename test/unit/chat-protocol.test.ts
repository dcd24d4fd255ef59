// The host ↔ webview messages: what each side accepts, and what it refuses.
import * as assert from 'node:assert/strict';
import { newConversation } from '../../src/core/chat/conversation';
import { hostMessageSchema, webviewMessageSchema } from '../../src/shared/chatProtocol';

describe('chat protocol', () => {
  describe('webview → host', () => {
    it('accepts each well-formed message', () => {
      const valid = [
        { type: 'ready' },
        { type: 'send', text: 'hi', context: [{ fileName: 'a.ts', language: 'typescript', text: 'x' }] },
        { type: 'stop' },
        { type: 'regenerate' },
        { type: 'editResend', turnId: 't1', text: 'again' },
        { type: 'setModel', model: 'gpt-4o' },
        { type: 'loadModels', refresh: true },
        { type: 'attach', what: 'selection' },
        { type: 'codeAction', action: 'insert', code: 'let a = 1;', language: 'ts' },
        { type: 'copyText', text: 'x' },
        { type: 'openLink', href: 'https://example.com' },
        { type: 'command', command: 'history' },
        { type: 'switchConversation', id: 'abc' },
      ];
      for (const message of valid) assert.ok(webviewMessageSchema.safeParse(message).success, JSON.stringify(message));
    });

    it('refuses unknown types, missing or mistyped fields, and commands outside the list', () => {
      const invalid: unknown[] = [
        null,
        'ready',
        { type: 'eval', code: 'x' },
        { type: 'send', text: 'hi' },
        { type: 'send', text: 42, context: [] },
        { type: 'attach', what: 'workspace' },
        { type: 'codeAction', action: 'runInTerminal', code: 'rm -rf /', language: 'sh' },
        { type: 'command', command: 'workbench.action.terminal.new' },
        { type: 'setModel', model: '' },
        { type: 'editResend', turnId: '', text: 'x' },
        { type: 'openLink', href: 'x'.repeat(10_000) },
      ];
      for (const message of invalid)
        assert.equal(webviewMessageSchema.safeParse(message).success, false, JSON.stringify(message)?.slice(0, 80));
    });
  });

  describe('host → webview', () => {
    it('accepts a state with a conversation and streaming messages', () => {
      const conversation = newConversation('c1', 'gpt-4o-mini', 1);
      conversation.turns.push(
        { id: 'u', role: 'user', text: 'hi', createdAt: 1 },
        { id: 'a', role: 'assistant', model: 'gpt-4o-mini', text: 'he', status: 'streaming', createdAt: 2 },
      );
      const messages = [
        { type: 'state', conversation, busy: true, hasKey: true, hub: '127.0.0.1:1', recent: [] },
        { type: 'delta', conversationId: 'c1', turnId: 'a', text: 'llo', reasoning: '' },
        {
          type: 'turnFinished',
          conversationId: 'c1',
          turn: { ...conversation.turns[1], text: 'hello', status: 'error', error: { message: 'The hub failed (500).', kind: 'server' } },
        },
        { type: 'models', models: [{ id: 'gpt-4o', provider: 'OpenAI' }], loading: false },
        { type: 'notice', message: 'x' },
      ];
      for (const message of messages) assert.ok(hostMessageSchema.safeParse(message).success, JSON.stringify(message).slice(0, 80));
    });

    it('refuses a conversation with a bad id or turn, and a finished turn that is not a reply', () => {
      const bad = newConversation('../x', 'm', 1);
      assert.equal(
        hostMessageSchema.safeParse({ type: 'state', conversation: bad, busy: false, hasKey: true, hub: 'h', recent: [] }).success,
        false,
      );
      const badTurn = {
        ...newConversation('ok', 'm', 1),
        turns: [{ id: 'a', role: 'assistant', model: 'm', text: '', status: 'thinking', createdAt: 1 }],
      };
      assert.equal(
        hostMessageSchema.safeParse({ type: 'state', conversation: badTurn, busy: false, hasKey: true, hub: 'h', recent: [] }).success,
        false,
      );
      assert.equal(
        hostMessageSchema.safeParse({ type: 'turnFinished', conversationId: 'c', turn: { id: 'u', role: 'user', text: 'x', createdAt: 1 } })
          .success,
        false,
      );
    });
  });
});
