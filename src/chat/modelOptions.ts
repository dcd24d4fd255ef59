// The hub's models as the chat's model picker lists them.
import * as vscode from 'vscode';
import type { ModelInfo } from '../core/models/catalog';
import { modelSummary } from '../core/models/format';
import type { LimitOverride } from '../core/models/limits';
import { formatPrice } from '../core/money/formatMoney';
import { mapInSlices } from '../core/timeSlices';
import type { HostMessage, ModelOption } from '../shared/chatProtocol';
import type { Services } from '../services';
import { effortSupport, type EffortSupport } from '../core/chat/chatSettings';
import { factsOf } from './conversationSettings';

type ModelsMessage = Extract<HostMessage, { type: 'models' }>;

/**
 * The `models` message. Its options are built in slices (a big hub's 5,000 summaries are tens of ms of work) once
 * per catalogue and `aihub.modelLimits`, and reused until one of them changes: the list's loading state, which
 * each refresh changes twice, rebuilds nothing. A recent failure is marked when a message is made (its text says
 * how long ago).
 */
export class ModelOptions {
  private memo: { catalog: readonly ModelInfo[]; limits: Record<string, LimitOverride>; options: Promise<ModelOption[]> } | undefined;

  constructor(private readonly services: Services) {}

  async message(): Promise<ModelsMessage> {
    let memo = this.current();
    let options = await memo.options;
    // The list or the limits changed while the options were being built: the message is for the new ones.
    while (memo !== this.current()) {
      memo = this.current();
      options = await memo.options;
    }
    const { models } = this.services;
    const state = models.state;
    return {
      type: 'models',
      models: options.map((option) => {
        const failure = models.failureOf(option.id);
        return failure ? { ...option, detail: [`⚠ ${failure}`, option.detail].filter(Boolean).join(' · ') } : option;
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

  private current(): NonNullable<ModelOptions['memo']> {
    const catalog = this.services.models.catalog;
    const limits = this.services.config.current.modelLimits;
    if (this.memo?.catalog !== catalog || this.memo.limits !== limits)
      this.memo = { catalog, limits, options: mapInSlices(catalog, (m) => modelOption(m, limits)) };
    return this.memo;
  }
}

function modelOption(m: ModelInfo, limits: Record<string, LimitOverride>): ModelOption {
  const facts = factsOf(m, limits);
  return {
    id: m.id,
    provider: m.provider,
    detail: modelSummary(m),
    ...(m.price ? { price: formatPrice(m.price) } : {}),
    ...reasoningOf(effortSupport(facts)),
    ...(facts.maxOutputTokens ? { maxOutput: facts.maxOutputTokens } : {}),
  };
}

function reasoningOf(support: EffortSupport): Pick<ModelOption, 'reasoning'> {
  return support === 'yes' || support === 'guessed' ? { reasoning: support } : {};
}
