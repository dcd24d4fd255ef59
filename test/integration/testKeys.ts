// Every key the integration suite stores, so the whole-session leak check can look for each of them.
export const OTHER_HUB_KEY = 'sk-other-hub-key-0123456789abcdef';
export const WRONG_KEY = 'sk-wrong-key-0000000000000000';
/** A gateway's own key, stored as a secret hub header. */
export const SECRET_HEADER_VALUE = 'pk-gateway-secret-header-0123456789';
/** A key-shaped token and a URL password a hub's error echoes (chat-export-key-leak.test.ts): never in the log either. */
export const ECHOED_TOKEN = 'sk-proj-abcdefghijklmnopqrstuvwxyz012345';
export const ECHOED_PASSWORD = 'hunter22secret';
