/** What a PNG file's header says: its size and pixel format (no decoding). */
export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  /** 6: RGBA, 2: RGB, 3: palette, 0: grey, 4: grey + alpha. */
  colourType: number;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads the signature and the IHDR chunk, which must come first; throws when it is not a PNG. */
export function pngHeader(data: Buffer): PngHeader {
  if (data.length < 33 || !data.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG");
  if (data.toString("latin1", 12, 16) !== "IHDR") throw new Error("PNG without IHDR first");
  return {
    width: data.readUInt32BE(16),
    height: data.readUInt32BE(20),
    bitDepth: data.readUInt8(24),
    colourType: data.readUInt8(25),
  };
}
