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
  console.log('Open the URL in a browser, then the AI Hub icon in the activity bar. Ctrl+C stops the demo.');
  console.log("The demo hub speaks new-api's billing API: prices in the Models view, a cost under each reply, and the");
  console.log("key's balance ($12.34, falling as you chat) in the status bar.");
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
