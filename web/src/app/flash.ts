/**
 * One-time messages carried to the next page in the router's location state, e.g. "Your account
 * was created" after sign-up. The message is a key, so it follows a language switch.
 */
import type { MessageKey } from '../i18n/index.js';

export interface Flash {
  type: 'success' | 'info' | 'warning';
  message: MessageKey;
  values?: Record<string, string | number>;
}

export interface FlashState {
  flash: Flash;
}

export function flashState(flash: Flash): FlashState {
  return { flash };
}

export function readFlash(state: unknown): Flash | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null;
  const flash = (state as { flash: unknown }).flash;
  if (typeof flash !== 'object' || flash === null || !('message' in flash)) return null;
  return flash as Flash;
}
