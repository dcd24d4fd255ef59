// A conversation's own settings (system prompt, temperature, max output tokens, reasoning effort) on the
// extension side: what the hub's model list says the model takes, the settings checked again when the panel
// sends them (the webview is not trusted), and what each reply's request carries.
import { checkChatSettings, isEmptySettings, requestParameters, systemPromptOf, type ModelFacts } from '../core/chat/chatSettings';
import type { Conversation } from '../core/chat/conversation';
import type { ChatRequest } from '../core/hub/types';
import type { ModelInfo } from '../core/models/catalog';
import { resolveLimits, type LimitOverride, type ModelLimitFacts } from '../core/models/limits';
import type { Services } from '../services';
import type { ChatController } from './chatController';

/** What the settings need to know of a model; `capabilities` is absent when the hub does not list it. */
export function modelFacts(services: Services, model: string): ModelFacts {
  const info = services.models.catalog.find((m) => m.id === model);
  return factsOf(info ?? { id: model }, services.config.current.modelLimits);
}

/** The same for a model already at hand (the picker's list: no search per model). */
export function factsOf(
  info: ModelLimitFacts & Partial<Pick<ModelInfo, 'capabilities' | 'guessed'>>,
  overrides: Record<string, LimitOverride>,
): ModelFacts {
  const limits = resolveLimits(info, overrides);
  return {
    capabilities: info?.capabilities,
    guessed: info?.guessed,
    // The cautious default is no one's statement about the model: no bound is drawn from it.
    maxOutputTokens: limits.source === 'default' ? undefined : limits.maxOutputTokens,
  };
}

/** The system prompt and the request fields a reply in this conversation sends. */
export function replyRequest(
  services: Services,
  c: Conversation,
): { systemPrompt?: string; parameters(model: string): Partial<ChatRequest> } {
  return {
    systemPrompt: systemPromptOf(c.settings, services.config.current.systemPrompt),
    parameters: (model) => requestParameters(c.settings, modelFacts(services, model)),
  };
}

/**
 * Keeps the settings the panel sent for the conversation on screen, or says why not (the range, in words);
 * resolves to that refusal.
 */
export async function changeSettings(controller: ChatController, raw: Record<string, unknown>): Promise<string | undefined> {
  await controller.ready;
  const c = controller.current;
  if (controller.refuseReadOnly(c)) return controller.store.readOnlyReason(c.id);
  const check = checkChatSettings(raw, modelFacts(controller.services, c.model));
  if (!check.ok) {
    controller.broadcast({ type: 'notice', message: check.message });
    return check.message;
  }
  if (isEmptySettings(check.settings)) delete c.settings;
  else c.settings = check.settings;
  // An empty conversation is written with its first question, settings included.
  if (c.turns.length > 0) await controller.save(c);
  controller.broadcast({ type: 'settingsChanged', conversationId: c.id, settings: c.settings });
  return undefined;
}
