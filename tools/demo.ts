// `npm run demo`: the extension for real, in a real VS Code (code-server) on 127.0.0.1, talking to the local
// demo hub (scripted models, no key, no internet). Ctrl+C stops everything it started.
import { startDemo } from './demoSession';

async function main(): Promise<void> {
  console.log('Packaging the extension…');
  const session = await startDemo({
    port: process.env.AIHUB_DEMO_PORT ? Number(process.env.AIHUB_DEMO_PORT) : undefined,
    hubPort: Number(process.env.AIHUB_DEMO_HUB_PORT ?? 0),
  });
  const stop = () => void session.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log('');
  console.log(`Demo hub (scripted models, no key):  ${session.hub.url}`);
  console.log(`VS Code with AI Hub:                 ${session.url}`);
  console.log('');
  console.log("Open the URL in a browser: AI Hub's chat is open in the side bar. Ctrl+C stops the demo.");
  console.log("The demo hub speaks new-api's price and balance API in play money: demo prices in the Models view, a cost");
  console.log("under each reply, and the demo key's balance ($5.00, falling as you chat) in the status bar. Nothing is charged.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
