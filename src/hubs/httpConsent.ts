// The origins the user has allowed plain http:// for (a company gateway on the LAN), remembered in globalState:
// per machine, never from a workspace, asked once per origin.
import * as vscode from 'vscode';
import { hubHost, parseHubUrl } from '../core/hubs/hubUrl';

const STATE_KEY = 'aihub.insecureHttpOrigins';

export class HttpConsent {
  constructor(private readonly memento: vscode.Memento) {}

  get confirmedOrigins(): ReadonlySet<string> {
    return new Set(this.memento.get<string[]>(STATE_KEY, []));
  }

  /** For a hub reached over plain http:// on another machine, asks first; true when requests may go there. */
  async allowFor(baseUrl: string): Promise<boolean> {
    const parsed = parseHubUrl(baseUrl);
    return !parsed.ok || !parsed.insecure || this.ask(parsed.origin);
  }

  /** Asks (modal) whether requests and the key may go to `origin` over plain HTTP; remembers a yes. */
  async ask(origin: string): Promise<boolean> {
    if (this.confirmedOrigins.has(origin)) return true;
    const allow = vscode.l10n.t('Allow Plain HTTP');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} uses plain http://', hubHost(origin)),
      {
        modal: true,
        detail: vscode.l10n.t(
          'Your API key and every prompt would cross the network unencrypted to {0}. Allow this only for a hub on a network you trust (such as a company gateway). You will not be asked again for this address.',
          origin,
        ),
      },
      allow,
    );
    if (answer !== allow) return false;
    await this.memento.update(STATE_KEY, [...this.confirmedOrigins, origin]);
    return true;
  }
}
