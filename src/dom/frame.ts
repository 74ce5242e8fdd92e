// Which page a content script works for. The script runs in every frame of a tab: the top
// document, and same-origin or srcdoc frames, which are part of the article the tab shows and are
// read by the same rules. A cross-origin frame (an advert, an embedded player) is another site's
// document and is left alone.

export interface FrameContext {
  /** Whether this is the tab's top document (it alone reports the page's title and address to others). */
  isTop: boolean;
  /**
   * The window of the page the tab shows, whose address, title, metadata and site switch apply
   * here: this window in the top document, the top window in a same-origin frame, null in a frame
   * of another origin (or a sandboxed one), where Siyaq does nothing.
   */
  page: Window | null;
}

export function frameContext(win: Window = window): FrameContext {
  const top = win.top;
  if (!top || top === win) return { isTop: true, page: win };
  try {
    // Every window up to the top must be readable: reading another origin's document throws.
    for (let ancestor: Window = win.parent; ; ancestor = ancestor.parent) {
      if (!ancestor.document || !ancestor.location.href) return { isTop: false, page: null };
      if (ancestor === top) break;
    }
    return { isTop: false, page: top };
  } catch {
    return { isTop: false, page: null };
  }
}
