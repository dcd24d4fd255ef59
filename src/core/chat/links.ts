// Which links from model output may be opened: only web pages. `command:`, `file:`, `vscode:` and the like
// would let a model's answer run commands or open local files when clicked.

export function externalLink(href: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}
