// The webview's link to the extension: typed messages out, and the state VS Code keeps while the page reloads.
import type { Attachment } from '../core/chat/conversation';
import type { WebviewMessage } from '../shared/chatProtocol';
import type { CompareWebviewMessage } from '../shared/compareProtocol';

/** What survives the page being hidden and reloaded (the view keeps no context while hidden). */
export interface PageState {
  conversationId?: string;
  draft?: string;
  attachments?: Attachment[];
  scrollTop?: number;
  /** The user was at the bottom: stay there as new content arrives. */
  atBottom?: boolean;
  /** The Compare tab's comparison, so the tab comes back with it after a reload. */
  comparisonId?: string;
}

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const api = acquireVsCodeApi();

export function post(message: WebviewMessage): void {
  api.postMessage(message);
}

export function postCompare(message: CompareWebviewMessage): void {
  api.postMessage(message);
}

export function loadState(): PageState {
  const state = api.getState();
  return state && typeof state === 'object' ? (state as PageState) : {};
}

export function saveState(patch: Partial<PageState>): void {
  api.setState({ ...loadState(), ...patch });
}
