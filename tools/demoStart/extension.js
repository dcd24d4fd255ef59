// `npm run demo`'s first screen: the demo workspace's utils.ts and AI Hub's chat, once, when the demo's window
// first starts. This lives in its own tiny extension that only the demo installs, so AI
// Hub itself never takes over a real user's side bar at start-up.
const vscode = require('vscode');

const OPENED = 'aihubDemo.chatOpened';

module.exports.activate = async function activate(context) {
  if (context.globalState.get(OPENED)) return;
  const [utils] = await vscode.workspace.findFiles('utils.ts', undefined, 1);
  if (utils) await vscode.window.showTextDocument(utils, { preview: false });
  await vscode.commands.executeCommand('aihub.openChat');
  await context.globalState.update(OPENED, true);
};
