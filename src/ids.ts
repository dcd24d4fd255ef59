// Every public name in one place: command ids, view ids, setting keys and the language-model vendor are
// fixed (acceptance tests outside the repository drive the extension through them).

export const VENDOR = 'aihub';

export const Commands = {
  setApiKey: 'aihub.setApiKey',
  clearApiKey: 'aihub.clearApiKey',
  selectHub: 'aihub.selectHub',
  /** The active hub's extra request headers and key header; optional argument `{ name, value?, secret? }` or `{ authHeader }`. */
  setHubHeader: 'aihub.setHubHeader',
  openChat: 'aihub.openChat',
  newChat: 'aihub.newChat',
  explainSelection: 'aihub.explainSelection',
  refactorSelection: 'aihub.refactorSelection',
  refreshModels: 'aihub.refreshModels',
  selectModel: 'aihub.selectModel',
  /** The models view's "Set as Default Model" on a model (selectModel with that model, named for what it does). */
  setDefaultModel: 'aihub.setDefaultModel',
  filterModels: 'aihub.filterModels',
  clearModelFilter: 'aihub.clearModelFilter',
  pinModel: 'aihub.pinModel',
  unpinModel: 'aihub.unpinModel',
  copyModelId: 'aihub.copyModelId',
  chatWithModel: 'aihub.chatWithModel',
  fixSelection: 'aihub.fixSelection',
  documentSelection: 'aihub.documentSelection',
  writeTests: 'aihub.writeTests',
  runPrompt: 'aihub.runPrompt',
  acceptProposal: 'aihub.acceptProposal',
  rejectProposal: 'aihub.rejectProposal',
  openChatInEditor: 'aihub.openChatInEditor',
  chatHistory: 'aihub.chatHistory',
  exportChat: 'aihub.exportChat',
  showUsage: 'aihub.showUsage',
  /** Opens the hub's top-up page; resolves to the address opened (or undefined when the hub has none). */
  topUp: 'aihub.topUp',
  refreshBalance: 'aihub.refreshBalance',
  /** Internal: what the balance item shows and where Top Up leads, as plain data (for the integration tests). */
  moneySnapshot: 'aihub._moneySnapshot',
  /** Internal, owned by the chat panel: a new user turn in the current conversation (selection commands use it). */
  chatAsk: 'aihub._chatAsk',
  /** Internal, owned by the chat: shows a saved conversation by id (a comparison's "Continue with this one" uses it). */
  chatOpen: 'aihub._chatOpen',
  /**
   * Internal, owned by the selection commands: a chat code block's Apply (`{ code, language, path?, uri?,
   * selection? }`) opens a proposal diff where the block belongs; resolves to `{ proposal?, message? }`.
   */
  applyCodeBlock: 'aihub._applyCodeBlock',
  compareModels: 'aihub.compareModels',
  /**
   * Refactor / Fix with two models: both proposals as diffs, Accept one (the other is discarded). Optional argument
   * `{ models?: [string, string], instruction?: string }` (refactor: a preset id or words) skips the pickers.
   */
  refactorWithTwoModels: 'aihub.refactorWithTwoModels',
  fixWithTwoModels: 'aihub.fixWithTwoModels',
  /** Writes a commit message for the staged (else all) changes into the Source Control input box; optional argument: a SourceControl or `{ rootUri }`. */
  generateCommitMessage: 'aihub.generateCommitMessage',
  /** Internal, owned by Compare: opens a saved comparison by id in its tab (the chat history uses it). */
  openComparison: 'aihub._openComparison',
  /** Internal: the open comparisons as plain data (for the integration tests). */
  compareSnapshot: 'aihub._compareSnapshot',
  /** Internal: stop / retry / continue a comparison's column by model, as the tab's buttons do (for the integration tests). */
  compareControl: 'aihub._compareControl',
  /**
   * Internal, owned by the chat: attaches `{ kind: 'file' | 'problems' | 'image', path }` or `{ kind: 'terminal' }` as the Attach
   * menu does (a chip in the panel); resolves to the attachment or `{ message }` saying why not (automation, tests).
   */
  chatAttach: 'aihub._chatAttach',
  /** Internal: the chat's current conversation and storage folder, as plain data (for the integration tests). */
  chatSnapshot: 'aihub._chatSnapshot',
  /** Internal: sets the current conversation's settings as the panel's popover does; resolves to the refusal, if any. */
  chatSettings: 'aihub._chatSettings',
  /** Internal: what the models view and status bar show, as plain data (for the integration tests). */
  modelsViewSnapshot: 'aihub._modelsViewSnapshot',
  /** Internal: checks the current hub's key against its model list; returns the verdict as plain data (tests, the key flow). */
  checkKey: 'aihub._checkKey',
  /** Internal: the usage log's folder and this month's records, as plain data (for the integration tests). */
  usageSnapshot: 'aihub._usageSnapshot',
} as const;

/** Context keys the extension sets for `when` clauses in package.json. */
export const ContextKeys = {
  /** True when the current hub has a key, or is local and needs none. */
  hasKey: 'aihub.hasKey',
  modelFilterActive: 'aihub.modelFilterActive',
  /** True while the open conversation has turns: Export is offered only then. */
  chatHasTurns: 'aihub.chatHasTurns',
} as const;

export const Views = {
  container: 'aihub',
  chat: 'aihub.chat',
  /** The chat in an editor tab (a WebviewPanel's view type, restored after a reload). */
  chatPanel: 'aihub.chatPanel',
  /** A comparison in an editor tab (a WebviewPanel's view type). */
  comparePanel: 'aihub.comparePanel',
  models: 'aihub.models',
  /** The Usage view (an editor tab; a WebviewPanel's view type). */
  usage: 'aihub.usage',
} as const;

export const Settings = {
  section: 'aihub',
  baseUrl: 'baseUrl',
  defaultModel: 'defaultModel',
  maxRetries: 'maxRetries',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  prompts: 'prompts',
  /** Hubs kept for switching: [{name, baseUrl, headers?, authHeader?}]; machine scope like baseUrl. */
  hubs: 'hubs',
  /** Models to try when one cannot serve (user settings only): a list, or lists per model id with `*` for the rest. */
  fallbackModels: 'fallbackModels',
  /** Per-model limits and capabilities for VS Code's model picker, overriding the hub's and the family table's. */
  modelLimits: 'modelLimits',
  /** Per-model thinking effort (`reasoning_effort`) for requests that do not choose one. */
  reasoningEffort: 'reasoningEffort',
  /** The chat's default system prompt (user settings only); each conversation may replace it. */
  systemPrompt: 'systemPrompt',
  /** US dollars: below this the balance turns to the warning colour and one notification is shown. */
  lowBalanceWarning: 'lowBalanceWarning',
} as const;

export const DEFAULT_BASE_URL = 'https://aihubapi.ai/v1';
