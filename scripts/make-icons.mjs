// Renders the one source image, assets/icon.svg, into the application icons:
//   assets/icons/icon-{16,24,32,48,64,128,256,512}.png
//   assets/icons/icon.ico (every size up to 256, stored as PNG entries)
// Run by hand after changing the SVG (`npm run icons`); the outputs are committed, so neither CI
// nor `npm run dist:win` needs a rasterizer. Rasterizes with the system Chromium through
// playwright-core (no extra dependency); set CHROMIUM_PATH to use another Chromium build.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'assets', 'icon.svg');
const outDir = join(root, 'assets', 'icons');
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
// The ICO format stores at most 256×256 (a width byte of 0 means 256).
export const ICO_SIZES = PNG_SIZES.filter((s) => s <= 256);

/**
 * Builds an ICO container whose entries are PNG images (supported since Windows Vista).
 * Layout: ICONDIR (6 bytes), one ICONDIRENTRY (16 bytes) per image, then the PNG data.
 * @param {{ size: number, png: Buffer }[]} images
 */
export function buildIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type 1 = icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    if (size < 1 || size > 256) throw new Error(`ICO entries are 1–256 px, not ${size}`);
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size === 256 ? 0 : size, 0); // width
    entry.writeUInt8(size === 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // palette colours (none)
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    entries.push(entry);
    offset += png.length;
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

async function render(svg, sizes) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--no-first-run',
    ],
  });
  try {
    const page = await browser.newPage({ deviceScaleFactor: 1 });
    const out = new Map();
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size });
      const sized = svg.replace(
        /<svg\b([^>]*?)\swidth="\d+"\s+height="\d+"/,
        `<svg$1 width="${size}" height="${size}"`,
      );
      await page.setContent(
        `<!doctype html><html><head><style>html,body{margin:0;padding:0;background:transparent;overflow:hidden}svg{display:block}</style></head><body>${sized}</body></html>`,
      );
      out.set(
        size,
        await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }),
      );
    }
    return out;
  } finally {
    await browser.close();
  }
}

async function main() {
  const svg = readFileSync(source, 'utf8');
  if (!/\swidth="\d+"\s+height="\d+"/.test(svg))
    throw new Error(`${source} needs width and height attributes`);
  mkdirSync(outDir, { recursive: true });
  const pngs = await render(svg, PNG_SIZES);
  for (const [size, png] of pngs) {
    const file = join(outDir, `icon-${size}.png`);
    writeFileSync(file, png);
    console.log(`${file} (${png.length} bytes)`);
  }
  const ico = buildIco(ICO_SIZES.map((size) => ({ size, png: /** @type {Buffer} */ (pngs.get(size)) })));
  writeFileSync(join(outDir, 'icon.ico'), ico);
  console.log(`${join(outDir, 'icon.ico')} (${ico.length} bytes, ${ICO_SIZES.length} sizes)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
