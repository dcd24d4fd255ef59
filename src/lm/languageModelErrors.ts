// Hub failures as the errors VS Code's language-model callers understand, keeping the client's actionable text.
import * as vscode from 'vscode';
import { isHubError } from '../core/hub/errors';

export function toLanguageModelError(err: unknown): Error {
  if (!isHubError(err)) return err instanceof Error ? err : new Error(String(err));
  switch (err.kind) {
    case 'noKey':
    case 'auth':
    case 'forbidden':
      return vscode.LanguageModelError.NoPermissions(err.message);
    case 'quota':
      return vscode.LanguageModelError.Blocked(err.message);
    case 'notFound':
      return vscode.LanguageModelError.NotFound(err.message);
    default:
      return new Error(err.message);
  }
}
