// Compare: `aihub.compareModels` picks 2–4 models and a prompt (the selection attached as in the chat, or what
// the chat's Compare button hands over), then shows every model's answer side by side in an editor tab.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { oversized, type SizeCheck } from '../core/chat/attachmentCheck';
import { attachmentSchema, type Attachment, type UserTurn } from '../core/chat/conversation';
import { columnsOf, MAX_COMPARE_MODELS, MIN_COMPARE_MODELS, newComparison } from '../core/compare/comparison';
import { attachmentFrom, EditorTracker } from '../chat/editorActions';
import { Commands } from '../ids';
import { Favourites } from '../models/favourites';
import { pickModels, recentModels } from '../models/modelPicker';
import type { LoadedFeature } from '../lazyFeature';
import type { Services } from '../services';
import { ComparePanels } from './comparePanels';

/** The argument of `aihub.compareModels` (all optional: what is missing is asked for). */
const compareArgsSchema = z.object({
  models: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300)))),
  prompt: z.optional(z.string().check(z.maxLength(2_000_000))),
  context: z.optional(z.array(attachmentSchema)),
  /** Ticked first in the picker (the chat's current model). */
  model: z.optional(z.string()),
});

const controlSchema = z.object({
  comparisonId: z.optional(z.string()),
  action: z.enum(['stop', 'retry', 'continue']),
  /** The column's model; every column for `stop` without one. */
  model: z.optional(z.string()),
});

export function registerCompare(services: Services): LoadedFeature {
  const tracker = new EditorTracker();
  const panels = new ComparePanels(services, tracker);
  const favourites = new Favourites(services.context.globalState);

  const compare = async (argument: unknown): Promise<{ comparisonId: string } | undefined> => {
    const parsed = compareArgsSchema.safeParse(argument ?? {});
    if (!parsed.success)
      throw new Error('aihub.compareModels expects { models?: string[]; prompt?: string; context?: {fileName, language, text}[] }');
    const args = parsed.data;
    const models =
      args.models ??
      (await pickModels(services, favourites, {
        title: vscode.l10n.t('AI Hub: Compare Models'),
        min: MIN_COMPARE_MODELS,
        max: MAX_COMPARE_MODELS,
        preselected: [args.model ?? services.config.current.defaultModel].filter(Boolean),
        recent: await recentModels(services.conversations),
      }));
    if (!models) return undefined;
    const context = args.context ?? selectionAttachment(tracker, everyModelTakes(services, models));
    if (typeof context === 'string') {
      void vscode.window.showWarningMessage(vscode.l10n.t('AI Hub: {0}', context));
      return undefined;
    }
    const prompt = args.prompt?.trim() ? args.prompt : await askPrompt(models, context);
    if (prompt === undefined) return undefined;
    const question: UserTurn = { id: randomUUID(), role: 'user', text: prompt, createdAt: Date.now() };
    if (context.length) question.context = context;
    let comparison;
    try {
      comparison = newComparison({ id: randomUUID(), question, models, newId: randomUUID, now: Date.now() });
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('AI Hub: {0}', err instanceof Error ? err.message : String(err)));
      return undefined;
    }
    services.log.info(`compare: ${models.join(', ')}`);
    panels.start(comparison);
    return { comparisonId: comparison.id };
  };

  const registrations = vscode.Disposable.from(
    tracker,
    panels,
    favourites,
    vscode.commands.registerCommand(Commands.compareModels, compare),
    vscode.commands.registerCommand(Commands.openComparison, (id: unknown) => (typeof id === 'string' ? panels.show(id) : false)),
    vscode.commands.registerCommand(Commands.compareSnapshot, () =>
      panels.sessions.map((s) => ({
        comparison: s.comparison,
        busy: s.busy,
        columns: columnsOf(s.comparison).map((t) => ({ model: t.model, ...s.view(t) })),
        storageDir: services.conversations.dir,
      })),
    ),
    vscode.commands.registerCommand(Commands.compareControl, async (argument: unknown) => {
      const { comparisonId, action, model } = controlSchema.parse(argument);
      const session = panels.sessions.find((s) => comparisonId === undefined || s.id === comparisonId);
      if (!session) throw new Error('no comparison is open');
      const column = model === undefined ? undefined : session.columnByModel(model);
      if (model !== undefined && !column) throw new Error(`no column for ${model}`);
      if (action === 'stop') return session.stop(column?.id);
      if (!column) throw new Error(`${action} needs a column's model`);
      return action === 'retry' ? session.retry(column.id) : session.continueWith(column.id);
    }),
  );
  return Object.assign(registrations, {
    restore: (_viewType: string, panel: vscode.WebviewPanel, state: unknown) => panels.restore(panel, state),
  });
}

/** The editor's selection, when there is one: attached as the chat attaches it, or refused in words. */
function selectionAttachment(tracker: EditorTracker, check: SizeCheck): Attachment[] | string {
  if (!tracker.editor || tracker.editor.selection.isEmpty) return [];
  const attachment = attachmentFrom(tracker, 'selection', check);
  return typeof attachment === 'string' ? attachment : [attachment];
}

/** An attachment fits when every model compared takes it in; else the first refusal, naming that model. */
function everyModelTakes(services: Services, models: readonly string[]): SizeCheck {
  const overrides = services.config.current.modelLimits;
  return (name, text) => {
    for (const model of models) {
      const refused = oversized(name, text, model, services.models.limitsOf(model, overrides));
      if (refused) return refused;
    }
    return undefined;
  };
}

async function askPrompt(models: string[], context: Attachment[]): Promise<string | undefined> {
  const prompt = await vscode.window.showInputBox({
    title: vscode.l10n.t('AI Hub: Compare {0}', models.join(', ')),
    prompt: context.length
      ? vscode.l10n.t('Attached: {0}', context.map((a) => a.fileName).join(', '))
      : vscode.l10n.t('The same prompt goes to every model at once.'),
    placeHolder: vscode.l10n.t('Your prompt'),
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('Type a prompt to send to the models.')),
  });
  return prompt?.trim() ? prompt : undefined;
}
