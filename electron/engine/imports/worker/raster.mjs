// Page images as tesseract reads them, built in memory without a canvas: decoded pixels from a
// PDF or a TIFF become an 8-bit grayscale PNM (P5), which tesseract's image reader takes
// as is; PNG and JPEG headers are read for their size, so a page too large is refused before it
// is decoded.

/** Pixel layouts pdf.js hands out (ImageKind) and the channels of each. */
const CHANNELS = { 1: 0, 2: 3, 3: 4 };

/** Bytes of a P5 PNM holding `gray` (one byte a pixel, row after row). */
export function pnmOfGray(width, height, gray) {
  const header = Buffer.from(`P5\n${width} ${height}\n255\n`, 'latin1');
  return Buffer.concat([header, Buffer.from(gray.buffer, gray.byteOffset, width * height)]);
}

/** Grayscale bytes of RGB, RGBA or 1-bit-per-pixel (pdf.js ImageKind 1, rows padded to bytes). */
export function grayOf({ width, height, data, kind, channels }) {
  const gray = new Uint8Array(width * height);
  const step = channels ?? CHANNELS[kind];
  if (step === 0) {
    const rowBytes = (width + 7) >> 3;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = (data[y * rowBytes + (x >> 3)] >> (7 - (x & 7))) & 1;
        gray[y * width + x] = bit ? 255 : 0;
      }
    }
    return gray;
  }
  if (step === 1) return data.subarray(0, width * height);
  for (let i = 0, p = 0; i < gray.length; i++, p += step) {
    // A transparent pixel in a fax frame is paper, not ink.
    if (step === 4 && data[p + 3] === 0) gray[i] = 255;
    else gray[i] = (data[p] * 299 + data[p + 1] * 587 + data[p + 2] * 114) / 1000;
  }
  return gray;
}

/** Width and height from a PNG's IHDR or a JPEG's start-of-frame, or null if neither is found. */
export function imageSize(bytes) {
  if (bytes.length >= 24 && bytes.readUInt32BE(0) === 0x89504e47) {
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 9 < bytes.length) {
      if (bytes[at] !== 0xff) return null;
      const marker = bytes[at + 1];
      const length = bytes.readUInt16BE(at + 2);
      // SOF0–SOF15, less DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
        return { height: bytes.readUInt16BE(at + 5), width: bytes.readUInt16BE(at + 7) };
      }
      at += 2 + length;
    }
  }
  return null;
}
