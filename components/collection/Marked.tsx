/**
 * A text with some stretches marked (`<mark class="match">`): the words a search matched. Page
 * text is untrusted, so it is only ever split into text nodes and `<mark>` elements.
 */
import type { Span } from "../../lib/collection/index.ts";

export function Marked(props: { text: string; spans: readonly Span[] }) {
  const { text, spans } = props;
  if (spans.length === 0) return <>{text}</>;
  const parts: Array<string | preact.JSX.Element> = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) parts.push(text.slice(at, span.start));
    parts.push(
      <mark class="match" key={span.start}>
        {text.slice(span.start, span.end)}
      </mark>,
    );
    at = span.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <>{parts}</>;
}
