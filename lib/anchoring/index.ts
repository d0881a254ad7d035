/** Text-quote anchoring: describe a span of an article's text, find it again later. */
export type { TextAnchor } from "../snippets/types.ts";
export type { AnchorMatch, AnchorMethod, AnchorOptions } from "./anchor.ts";
export { anchorInText } from "./anchor.ts";
export { DEFAULT_CONTEXT, describeSpan } from "./describe.ts";
