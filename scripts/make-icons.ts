/**
 * Draws the tabBar icons (81×81 PNG, as WeChat wants them: no SVG in tabBar) from the SVG paths
 * below, in Chromium. Run once after changing an icon: npx tsx scripts/make-icons.ts
 */
import { join } from 'node:path'
import { launch } from '../test/e2e/browser'

const ICONS: Record<string, string> = {
  home: '<path d="M8 21 24 8l16 13v19a2 2 0 0 1-2 2h-9V31h-10v11h-9a2 2 0 0 1-2-2z" fill="none" stroke="C" stroke-width="3.2" stroke-linejoin="round"/>',
  mine: '<circle cx="24" cy="17" r="8" fill="none" stroke="C" stroke-width="3.2"/><path d="M9 42c1.5-8 7.5-12 15-12s13.5 4 15 12" fill="none" stroke="C" stroke-width="3.2" stroke-linecap="round"/>',
}
const COLORS = { '': '#7a8580', '-active': '#1f7a5c' }

async function main() {
  const browser = await launch()
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, body] of Object.entries(ICONS)) {
    for (const [suffix, color] of Object.entries(COLORS)) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 48 48">${body.replaceAll('"C"', `"${color}"`)}</svg>`
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`)
      await page.screenshot({ path: join(__dirname, '../src/assets/tab', `${name}${suffix}.png`), omitBackground: true, clip: { x: 0, y: 0, width: 81, height: 81 } })
    }
  }
  await browser.close()
}

main()
