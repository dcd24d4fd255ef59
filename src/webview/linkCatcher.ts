// Links in model output, the same in the chat and in Compare (one catcher, so the two pages cannot drift apart):
// VS Code's own webview link handling (a listener on the window, bubbling) opens a clicked link at once, without
// asking, in a trusted workspace. So every activation of a link (a click with any button or modifier, Enter on a
// focused link, which the browser turns into a click) is caught first, on the way down, and stopped there; the
// host opens it with vscode.env.openExternal, which asks "Do you want to open the external website?" with the
// full address. One path, so one opening, and none after Cancel.

/** Catches every link activation in the page and hands the address to `open` (the host's openLink message). */
export function catchLinks(open: (message: { type: 'openLink'; href: string }) => void): void {
  const openLinkInstead = (event: MouseEvent): void => {
    const link = (event.target as Element | null)?.closest?.('a[href]');
    if (!link || (event.type === 'auxclick' && event.button !== 1)) return;
    event.preventDefault();
    event.stopPropagation();
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) open({ type: 'openLink', href });
  };
  window.addEventListener('click', openLinkInstead, { capture: true });
  window.addEventListener('auxclick', openLinkInstead, { capture: true });
}
