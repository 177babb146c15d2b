/**
 * Draws the tabBar icons (81×81 PNG, as WeChat wants them: no SVG in tabBar) from the SVG paths
 * below, in Chromium. Run once after changing an icon: npx tsx scripts/make-icons.ts
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { launch } from '../test/e2e/browser'

const ICONS: Record<string, string> = {
  bills:
    '<path d="M12 6h24a2 2 0 0 1 2 2v34l-5-3-4.5 3-4.5-3-4.5 3-4.5-3-5 3V8a2 2 0 0 1 2-2z" fill="none" stroke="C" stroke-width="3.2" stroke-linejoin="round"/><path d="M18 17h12M18 25h12" fill="none" stroke="C" stroke-width="3.2" stroke-linecap="round"/>',
  home: '<path d="M8 21 24 8l16 13v19a2 2 0 0 1-2 2h-9V31h-10v11h-9a2 2 0 0 1-2-2z" fill="none" stroke="C" stroke-width="3.2" stroke-linejoin="round"/>',
  messages:
    '<path d="M24 7c-7 0-12 5-12 12v9l-4 6h32l-4-6v-9c0-7-5-12-12-12z" fill="none" stroke="C" stroke-width="3.2" stroke-linejoin="round"/><path d="M19.5 39a4.5 4.5 0 0 0 9 0" fill="none" stroke="C" stroke-width="3.2" stroke-linecap="round"/>',
  mine: '<circle cx="24" cy="17" r="8" fill="none" stroke="C" stroke-width="3.2"/><path d="M9 42c1.5-8 7.5-12 15-12s13.5 4 15 12" fill="none" stroke="C" stroke-width="3.2" stroke-linecap="round"/>',
  report:
    '<rect x="10" y="9" width="28" height="33" rx="3" fill="none" stroke="C" stroke-width="3.2"/><path d="M18 6h12v6H18z" fill="none" stroke="C" stroke-width="3.2" stroke-linejoin="round"/><path d="M17 22h14M17 30h9" fill="none" stroke="C" stroke-width="3.2" stroke-linecap="round"/>',
}
const COLORS = { '': '#7a8580', '-active': '#1f7a5c' }

async function main() {
  const browser = await launch()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 48 48">${body.replaceAll('"C"', `"${color}"`)}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({
        path: join(__dirname, '../src/assets/tab', `${name}${suffix}.png`),
        omitBackground: true,
        clip: { x: 0, y: 0, width: 81, height: 81 },
      })
    }
  }
  await browser.close()
  // Tab icons count against the main package: palette PNGs are half the size (apt-get install pngquant).
  const dir = join(__dirname, '../src/assets/tab')
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.png'))
    .map((f) => join(dir, f))
  const r = spawnSync('pngquant', ['--force', '--ext', '.png', '--quality', '60-95', '--strip', '16', ...files])
  if (r.error) console.warn('pngquant not found: icons left as full-colour PNGs')
}

main()
