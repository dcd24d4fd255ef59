// A chat reply's loop wired to the extension: the hub client that records usage, the store that saves and
// journals, the webviews that show it, the model list's limits, prices and failures, the fallback models, and
// the conversation's own settings (system prompt, temperature, max tokens, reasoning effort).
import type { Conversation } from '../core/chat/conversation';
import type { ConversationStore } from '../core/chat/conversationStore';
import { fallbackChain } from '../core/chat/fallback';
import { imageStoreBeside, imageUrls } from '../core/chat/imageStore';
import { ReplyLoop } from '../core/chat/replyLoop';
import { hubHost } from '../core/hubs/hubUrl';
import { resolveLimits } from '../core/models/limits';
import type { HostMessage } from '../shared/chatProtocol';
import type { Services } from '../services';
import { replyRequest } from './conversationSettings';

export interface ReplyListeners {
  broadcast(message: HostMessage): void;
  saveFailed(err: unknown): void;
}

export function chatReplyLoop(services: Services, store: ConversationStore, c: Conversation, listeners: ReplyListeners): ReplyLoop {
  // The same limits VS Code's model picker shows for this model: the conversation is fitted to them.
  const facts = services.models.catalog.find((m) => m.id === c.model) ?? { id: c.model };
  const limits = resolveLimits(facts, services.config.current.modelLimits);
  const loop = new ReplyLoop(
    c,
    {
      client: services.usage.client('chat'),
      hub: hubHost(services.hub.baseUrl),
      save: (conversation) => store.save(conversation),
      saveFailed: (err) => listeners.saveFailed(err),
      show: (delta) => listeners.broadcast({ type: 'delta', ...delta }),
      priceOf: (model) => services.models.priceOf(model),
      fallbacks: (model) => fallbackChain(services.config.current.fallbackModels, model),
      onModelFailed: (step, next) => {
        services.models.recordFailure(step.model, step.reason);
        services.log.warn(`chat: ${step.model}: ${step.reason}${next ? `; trying ${next}` : ''}`);
        // The reply's header names the model now answering as soon as it is asked.
        if (next)
          listeners.broadcast({
            type: 'turnModel',
            conversationId: c.id,
            turnId: loop.turn.id,
            model: next,
            fallbacks: [...(loop.turn.fallbacks ?? []), step],
          });
      },
      journal: store.journal(c.id),
      imageUrls: (conversation) => imageUrls(imageStoreBeside(store.dir), conversation),
    },
    { limits, ...replyRequest(services, c) },
  );
  return loop;
}
