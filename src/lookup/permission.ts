// Asking for the lookup hosts. `permissions.request` must run inside the user's click (before any
// other await), so callers call `requestLookupPermission()` first thing in their handler. Extension
// pages only: content scripts have no permissions API.
import { browser } from "wxt/browser";
import { LOOKUP_ORIGINS } from "./origins";

export async function requestLookupPermission(): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins: LOOKUP_ORIGINS });
  } catch {
    return false;
  }
}

export async function hasLookupPermission(): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: LOOKUP_ORIGINS });
  } catch {
    return false;
  }
}
