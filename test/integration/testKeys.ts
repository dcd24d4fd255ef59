// Every key the integration suite stores, so the whole-session leak check can look for each of them.
export const OTHER_HUB_KEY = 'sk-other-hub-key-0123456789abcdef';
export const WRONG_KEY = 'sk-wrong-key-0000000000000000';
