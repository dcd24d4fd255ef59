// The hub's models as the chat's model picker lists them.
import * as vscode from 'vscode';
import { modelSummary } from '../core/models/format';
import { formatPrice } from '../core/money/formatMoney';
import type { ModelOption } from '../shared/chatProtocol';
import type { Services } from '../services';
import { effortSupport, type EffortSupport } from '../core/chat/chatSettings';
import { factsOf } from './conversationSettings';

export function modelOptions(services: Services): { models: ModelOption[]; loading: boolean; error?: string } {
  const state = services.models.state;
  return {
    models: services.models.catalog.map((m) => {
      const failure = services.models.failureOf(m.id);
      const facts = factsOf(m, services.config.current.modelLimits);
      return {
        id: m.id,
        provider: m.provider,
        detail: [failure ? `⚠ ${failure}` : '', modelSummary(m)].filter(Boolean).join(' · '),
        ...(m.price ? { price: formatPrice(m.price) } : {}),
        ...reasoningOf(effortSupport(facts)),
        ...(facts.maxOutputTokens ? { maxOutput: facts.maxOutputTokens } : {}),
      };
    }),
    loading: state.status === 'loading',
    error:
      state.status === 'error'
        ? state.message
        : state.status === 'noKey'
          ? vscode.l10n.t("Set an API key to list the hub's models.")
          : undefined,
  };
}

function reasoningOf(support: EffortSupport): Pick<ModelOption, 'reasoning'> {
  return support === 'yes' || support === 'guessed' ? { reasoning: support } : {};
}
