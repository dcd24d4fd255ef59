// The selection commands: explain (chat), refactor / fix / document (diff), write tests (new editor), custom
// prompts, and Accept / Reject for the proposals the diff commands open.
import * as vscode from 'vscode';
import { Commands } from '../ids';
import type { ChatPort } from '../chat/chatAsk';
import type { Services } from '../services';
import { registerDocumentSelection } from './documentSelection';
import { registerExplainSelection } from './explainSelection';
import { registerFixSelection } from './fixSelection';
import { Proposals } from './proposals';
import { applyCodeBlock, type ApplyRequest } from './applyCodeBlock';
import { registerRefactorSelection } from './refactorSelection';
import { registerRunPrompt } from './runPrompt';
import { registerTwoModels } from './twoModels';
import { registerWriteTests } from './writeTests';

export function registerSelection(services: Services, chat: ChatPort): vscode.Disposable {
  const proposals = new Proposals();
  return vscode.Disposable.from(
    proposals,
    registerExplainSelection(chat),
    registerRefactorSelection(services, proposals),
    registerFixSelection(services, proposals),
    registerDocumentSelection(services, proposals),
    registerWriteTests(services),
    registerRunPrompt(services, proposals, chat),
    registerTwoModels(services, proposals),
    // From the editor title the argument is the diff's URI; from the notification or automation, the proposal's id.
    vscode.commands.registerCommand(Commands.acceptProposal, (ref?: unknown) => proposals.accept(ref)),
    vscode.commands.registerCommand(Commands.rejectProposal, (ref?: unknown) => proposals.reject(ref)),
    vscode.commands.registerCommand(Commands.applyCodeBlock, (request: ApplyRequest) => applyCodeBlock(proposals, request)),
  );
}
