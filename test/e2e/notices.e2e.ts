import type { Page } from 'playwright-core'
import { e2eHost, go, phone, pickTime, shot, tap } from './browser'

const env = e2eHost('notices')

/** HH:mm in Shanghai, `hours` from now. */
const clock = (hours: number) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(
    new Date(Date.now() + hours * 3600_000),
  )

/** 消息, freshly loaded; waits for the newest message to say `text`. */
async function newestMessage(page: Page, text: string) {
  await go(page, env.host.url, '/pages/messages/index')
  await page.reload()
  const first = page.getByTestId('message-item').first()
  await first.filter({ hasText: text }).waitFor()
  return first.innerText()
}

async function startRepair(page: Page) {
  await go(page, env.host.url, '/pages/report/index')
  await page.getByTestId('type-repair').click()
  await page.getByTestId('scope-home').click()
  await page.getByTestId('category-water_electric').click()
}

describe('notices and outages, end to end in Chromium', () => {
  it('chen posts a 停水 for 1栋 → zhang sees it, wang does not → ETA update → zhang follows instead of filing, li files anyway → restored resolves li’s ticket', async () => {
    const eta1 = clock(2)
    const eta2 = clock(4)
    // 1. The agent composes a 停水 notice for 1栋 with an ETA.
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/home/index')
    await chen.getByTestId('tile-notices').click()
    await chen.getByTestId('compose').click()
    await chen.getByTestId('cat-water').click()
    await chen.getByTestId('n-title').locator('input').fill('1栋临时停水')
    await chen.getByTestId('n-body').locator('textarea').fill('因主管道阀门检修，1栋临时停水，请提前储水，给您带来不便敬请谅解。')
    await chen.getByTestId('scope-buildings').click()
    await chen.getByTestId('target-1').click()
    await chen.getByTestId('n-area').locator('input').fill('1栋全部单元')
    await pickTime(chen, chen.getByTestId('n-eta-time'), eta1)
    await expect(chen.getByTestId('n-eta-time').innerText()).resolves.toBe(eta1)
    await chen.getByTestId('n-cause').locator('input').fill('主管道阀门检修')
    await shot(chen, 'n01-compose')
    await tap(chen.getByTestId('n-publish'))
    // It says first whom it reaches: 1栋 is zhang's 301 and li's 401.
    await expect(chen.locator('.taro-modal__text:visible').innerText()).resolves.toBe('将立即通知 2 户（2 位住户），消息发出后无法收回。')
    await shot(chen, 'n01-publish-confirm')
    await chen.locator('.taro-model__confirm').click()
    const row = chen.getByTestId('staff-notice').filter({ hasText: '1栋临时停水' })
    await row.waitFor()
    await expect(row.innerText()).resolves.toContain('已送达 2 人')
    await shot(chen, 'n02-published')

    // 2. zhang (1栋) sees it first on 首页 and in 消息; wang (2栋) does not.
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    const banner = zhang.getByTestId('outage-banner').getByTestId('outage-line')
    await banner.waitFor()
    await expect(banner.innerText()).resolves.toMatch(new RegExp(`该区域正在停水，预计 .*${eta1} 恢复`))
    await shot(zhang, 'n03-home-outage')
    expect(await newestMessage(zhang, '【停水】1栋临时停水')).toContain('【停水】1栋临时停水')
    await shot(zhang, 'n04-messages')
    const wang = await phone(env.browser, env.host.url, 'resident-wang')
    await wang.getByTestId('home-notices').waitFor()
    expect(await wang.getByTestId('outage-line').count()).toBe(0)
    await shot(wang, 'n05-wang-home')

    // 3. The ETA slips: zhang is told.
    await tap(row.getByTestId('n-update'))
    await row.getByTestId('u-text').locator('input').fill('阀门配件更换中，恢复时间延后')
    await pickTime(chen, row.getByTestId('u-eta-time'), eta2)
    await tap(row.getByTestId('u-submit'))
    await row.getByText(eta2).waitFor()
    await shot(chen, 'n06-updated')
    expect(await newestMessage(zhang, '停水进展：1栋临时停水')).toContain('停水进展：1栋临时停水')

    // 4. zhang starts a 没水 repair: the outage comes first, and zhang follows it instead.
    await startRepair(zhang)
    const ob = zhang.locator('.report').getByTestId('outage-banner')
    await ob.waitFor()
    await expect(ob.innerText()).resolves.toContain(eta2)
    await shot(zhang, 'n07-report-outage')
    await tap(ob.getByTestId('outage-open'))
    await tap(zhang.getByTestId('notice-detail').getByTestId('outage-follow'))
    await zhang.getByTestId('notice-detail').getByText('已关注，恢复时会通知您').first().waitFor()
    await shot(zhang, 'n08-following')

    // li (1栋, upstairs) files anyway: the ticket is linked to the outage.
    const li = await phone(env.browser, env.host.url, 'resident-li')
    await startRepair(li)
    await li.locator('.report').getByTestId('outage-banner').waitFor()
    await li.getByTestId('description').locator('textarea').fill('家里水龙头完全没有水')
    await tap(li.getByTestId('submit'))
    await li.getByTestId('report-done').waitFor()
    await shot(li, 'n09-filed-anyway')

    // 5. Restored: the linked ticket is resolved, its reporter and the follower are told.
    await go(chen, env.host.url, '/staff/notices/index')
    const again = chen.getByTestId('staff-notice').filter({ hasText: '1栋临时停水' })
    await tap(again.getByTestId('n-restore'))
    // It asks first and says whom it tells and what it closes.
    await expect(chen.locator('.taro-modal__text:visible').innerText()).resolves.toMatch(/将通知已收到此公告的 \d+ 位住户已恢复，并办结关联的 1 个报修工单/)
    await shot(chen, 'n10-restore-confirm')
    await chen.locator('.taro-model__confirm').click()
    await again.getByText('已恢复').first().waitFor()
    await tap(again.getByTestId('n-stats'))
    await again.getByTestId('n-stats-lines').getByText('关注 1 人 · 关联工单 1 个').waitFor()
    await shot(chen, 'n10-restored')
    expect(await newestMessage(li, '工单已处理')).toContain('工单已处理')
    await shot(li, 'n11-li-resolved')
    expect(await newestMessage(zhang, '您关注的停水')).toContain('您关注的停水')
    await go(zhang, env.host.url, '/pages/index/index')
    await zhang.getByTestId('home-notices').waitFor()
    expect(await zhang.getByTestId('outage-line').count()).toBe(0)
    await shot(zhang, 'n12-home-after')
  })
})
