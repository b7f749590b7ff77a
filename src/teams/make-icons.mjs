// Draws the two Teams icons (192×192 colour, 32×32 white-on-transparent outline) as PNG files.
// Run once by hand (`node src/teams/make-icons.mjs`) and commit the result: the icons are source files of
// the Teams package, this script only records how they were made. No image library: a PNG is a few
// zlib-compressed RGBA rows in three chunks, and the shape is a speech bubble described by distance
// functions, supersampled for smooth edges.
import { deflateSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const manifest = JSON.parse(readFileSync(join(here, 'manifest.json'), 'utf8'));

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bits per channel
  ihdr[9] = 6; // colour type RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    // Filter byte 0 (none) per row keeps the encoder trivial; zlib still compresses flat areas well.
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Distance from point to a rounded rectangle centred at (cx, cy): negative inside.
function roundedRect(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - halfW + r;
  const qy = Math.abs(y - cy) - halfH + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

// The bubble in unit coordinates (0..1): body, a tail at the lower left, three dots inside.
// `ring` > 0 draws only an outline of that width (for the outline icon), else a filled shape.
function bubbleCoverage(x, y, ring) {
  const body = roundedRect(x, y, 0.5, 0.44, 0.36, 0.26, 0.1);
  // Tail: a triangle below the body, as the intersection of three half-planes.
  const tail = Math.max(-(y - 0.66), (x - 0.42) + (y - 0.66) * 0.2, -(x - 0.24) - (y - 0.66) * 0.9, y - 0.86);
  const shape = Math.min(body, tail);
  const dots = Math.min(...[0.33, 0.5, 0.67].map((dx) => Math.hypot(x - dx, y - 0.44) - 0.055));
  if (ring > 0) return Math.abs(shape + ring / 2) <= ring / 2 || dots <= 0;
  return shape <= 0 && dots > 0;
}

function render(size, { background, ring }) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size;
          const y = (py + (sy + 0.5) / samples) / size;
          if (bubbleCoverage(x, y, ring)) hits++;
        }
      }
      const a = hits / (samples * samples);
      const o = (py * size + px) * 4;
      if (background) {
        // White bubble blended over the accent colour; fully opaque as Teams expects for colour icons.
        for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(background[c] * (1 - a) + 255 * a);
        rgba[o + 3] = 255;
      } else {
        // Outline icon: white only, shape carried by alpha, transparent elsewhere.
        rgba.fill(255, o, o + 3);
        rgba[o + 3] = Math.round(255 * a);
      }
    }
  }
  return encodePng(size, rgba);
}

const accent = manifest.accentColor.match(/[0-9a-f]{2}/gi).map((h) => parseInt(h, 16));
writeFileSync(join(here, '..', '..', 'teams', manifest.icons.color), render(192, { background: accent, ring: 0 }));
writeFileSync(join(here, '..', '..', 'teams', manifest.icons.outline), render(32, { background: null, ring: 0.08 }));
console.log(`wrote ${manifest.icons.color} and ${manifest.icons.outline}`);
