/**
 * A drawn chart as files: the SVG's markup (standalone: namespaces, size and colours written in)
 * and a PNG made by drawing that SVG on a canvas in the extension page (no network).
 */

const SVG_NS = "http://www.w3.org/2000/svg";

/** The chart's size in CSS pixels (its width and height attributes, else its view box). */
export function svgSize(svg: Element): { width: number; height: number } {
  const width = Number(svg.getAttribute("width"));
  const height = Number(svg.getAttribute("height"));
  if (width > 0 && height > 0) return { width, height };
  const box = (svg.getAttribute("viewBox") ?? "").split(/[\s,]+/).map(Number);
  return { width: box[2] || 640, height: box[3] || 340 };
}

/** The SVG as a standalone file: an XML declaration, its namespace and `title` as its first child. */
export function svgMarkup(svg: Element, title: string): string {
  const copy = svg.cloneNode(true) as Element;
  copy.setAttribute("xmlns", SVG_NS);
  const { width, height } = svgSize(svg);
  copy.setAttribute("width", String(width));
  copy.setAttribute("height", String(height));
  const doc = svg.ownerDocument;
  const heading = doc.createElementNS(SVG_NS, "title");
  heading.textContent = title;
  copy.insertBefore(heading, copy.firstChild);
  const markup = new XMLSerializer().serializeToString(copy);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}`;
}

/** The SVG markup drawn on a canvas at `scale` times its size, as a PNG. */
export async function svgToPng(markup: string, size: { width: number; height: number }, scale = 2) {
  const url = URL.createObjectURL(new Blob([markup], { type: "image/svg+xml" }));
  try {
    const image = new Image();
    image.decoding = "async";
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(size.width * scale);
    canvas.height = Math.round(size.height * scale);
    const context = canvas.getContext("2d");
    if (!context) throw new Error("no 2D canvas");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, size.width, size.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error("the canvas gave no PNG"))),
        "image/png",
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
