// The shared pieces' stylesheet as a string, for a `<style>` in an extension page or a shadow root.
import css from "./siyaq-ui.css?inline";

export const sharedStyles: string = css;
