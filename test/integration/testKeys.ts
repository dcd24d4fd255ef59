// Every key the integration suite stores, so the whole-session leak check can look for each of them.
export const OTHER_HUB_KEY = 'sk-other-hub-key-0123456789abcdef';
export const WRONG_KEY = 'sk-wrong-key-0000000000000000';
/** A gateway's own key, stored as a secret hub header. */
export const SECRET_HEADER_VALUE = 'pk-gateway-secret-header-0123456789';
