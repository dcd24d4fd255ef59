// Refactor / Fix with two models: the same rewrite (the selection commands' prompt, proposal and diff flow) asked
// of two models picked in Compare's picker, at once; each answer is a proposal diff of its own, and accepting one
// (one undo step) discards the other.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import * as z from 'zod/mini';
import { MIN_COMPARE_MODELS } from '../core/compare/comparison';
import { fixInstruction, rewriteMessages } from '../core/prompts/builtinPrompts';
import { Commands } from '../ids';
import { Favourites } from '../models/favourites';
import { pickModels, recentModels } from '../models/modelPicker';
import type { Services } from '../services';
import type { Proposals } from './proposals';
import { askInstruction, fromArgument, type Chosen } from './refactorSelection';
import { runRewrite, targetInActiveEditor } from './rewriteFlow';

/** Two models: the fewest Compare takes. */
const MODELS = MIN_COMPARE_MODELS;

const argumentSchema = z.object({
  models: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.length(MODELS))),
  /** Refactor only: a preset id or the user's own words. */
  instruction: z.optional(z.string().check(z.minLength(1), z.maxLength(20_000))),
});

export function registerTwoModels(services: Services, proposals: Proposals): vscode.Disposable {
  const favourites = new Favourites(services.context.globalState);
  /** Resolves with the proposals' ids (a model that proposed nothing leaves a hole: undefined). */
  const run = async (kind: 'refactor' | 'fix', argument: unknown): Promise<(string | undefined)[] | undefined> => {
    const parsed = argumentSchema.safeParse(argument ?? {});
    if (!parsed.success) throw new Error(`${Commands[`${kind}WithTwoModels`]} expects { models?: [string, string]; instruction?: string }`);
    const target = await targetInActiveEditor({ writable: true });
    if (!target) return undefined;
    let chosen: Chosen | undefined;
    if (kind === 'fix') chosen = { title: vscode.l10n.t('Fix'), instruction: fixInstruction(target.ctx.diagnostics ?? []) };
    else chosen = parsed.data.instruction ? fromArgument(parsed.data.instruction) : await askInstruction();
    if (!chosen) return undefined;
    const models =
      parsed.data.models ??
      (await pickModels(services, favourites, {
        title: vscode.l10n.t('AI Hub: {0} with Two Models', chosen.title),
        min: MODELS,
        max: MODELS,
        preselected: [services.config.current.defaultModel].filter(Boolean),
        recent: await recentModels(services.conversations),
      }));
    if (!models) return undefined;
    const { title, instruction } = chosen;
    const rivals = randomUUID();
    services.log.info(`selection: ${title} with ${models.join(' and ')}`);
    return Promise.all(
      models.map((model) =>
        runRewrite(services, proposals, { title, messages: (ctx) => rewriteMessages(instruction, ctx) }, target, { model, rivals }),
      ),
    );
  };
  return vscode.Disposable.from(
    favourites,
    vscode.commands.registerCommand(Commands.refactorWithTwoModels, (argument?: unknown) => run('refactor', argument)),
    vscode.commands.registerCommand(Commands.fixWithTwoModels, (argument?: unknown) => run('fix', argument)),
  );
}
