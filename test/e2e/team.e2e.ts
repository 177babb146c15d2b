import type { Page } from 'playwright-core'
import { e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('team')

/** The summaries the 操作记录 tab shows, top to bottom. */
const summaries = (page: Page) => page.getByTestId('audit-summary').evaluateAll((els) => els.map((e) => (e.textContent ?? '').trim()))

/**
 * Wait until the trail shows exactly `want` (a new search keeps the old rows until its answer
 * arrives), then assert it, so a timeout still reports what the page showed.
 */
async function trailShows(page: Page, want: string[]) {
  await page
    .waitForFunction(
      (w) => JSON.stringify(Array.from(document.querySelectorAll('[data-testid="audit-summary"]'), (e) => (e.textContent ?? '').trim())) === w,
      JSON.stringify(want),
      { timeout: 10_000 },
    )
    .catch(() => undefined)
  await expect(summaries(page)).resolves.toEqual(want)
}

const REPLY = { title: '已上门·稍后回电', text: '师傅已经上门查看，处理完毕后会给您回电，请保持电话畅通。' }

describe('team, roster and settings, end to end in Chromium', () => {
  it('liu widens zhou’s zone, is refused leaving an empty roster, adds a saved reply chen can use, sets 全部回访, and the trail lists it all', async () => {
    // 1. 工作台 → 团队: 周明 also answers for 4栋.
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/home/index')
    await liu.getByTestId('tile-team').click()
    await liu
      .getByTestId('tm-summary')
      .getByText(/^共 \d+ 人 · 值班 2 人$/)
      .waitFor()
    const zhouCard = liu.getByTestId('tm-member').filter({ hasText: '周明' })
    await zhouCard.getByText('负责 1、2、3 栋').waitFor()
    await shot(liu, 't-team-01-team')
    await zhouCard.getByTestId('tm-edit').click()
    const sheet = liu.getByTestId('tm-sheet')
    await sheet.getByText('编辑 周明').waitFor()
    await tap(sheet.getByTestId('tm-zone-4'))
    await shot(liu, 't-team-02-edit-zhou')
    await tap(sheet.getByTestId('tm-save'))
    await sheet.waitFor({ state: 'detached' })
    await zhouCard.getByText('负责 1、2、3、4 栋').waitFor()
    await shot(liu, 't-team-03-zhou-saved')

    // 2. 周明's dashboard follows at once: no deploy, no sign-in again.
    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await go(zhou, env.host.url, '/staff/dashboard/index')
    await zhou.getByTestId('db-scope').getByText('负责 1、2、3、4 栋').waitFor()
    await shot(zhou, 't-team-04-zhou-dashboard')

    // 3. The roster keeps someone on duty: with 赵强 off, liu cannot take herself off too.
    const zhaoDuty = liu.getByTestId('tm-duty-dev-tech-zhao')
    await expect(zhaoDuty.innerText()).resolves.toBe('值班中')
    await tap(zhaoDuty)
    await zhaoDuty.getByText('未值班').waitFor()
    await liu
      .getByTestId('tm-summary')
      .getByText(/ · 值班 1 人$/)
      .waitFor()
    const liuCard = liu.getByTestId('tm-member').filter({ hasText: '刘芳' })
    await expect(liuCard.getByTestId('tm-duty-dev-supervisor-liu').innerText()).resolves.toBe('值班中')
    await liuCard.getByTestId('tm-edit').click()
    await sheet.getByText('编辑 刘芳').waitFor()
    await tap(sheet.getByTestId('tm-onDuty-false'))
    await tap(sheet.getByTestId('tm-save'))
    await sheet.getByTestId('tm-error-onDuty').getByText('值班名单不能为空：请先安排其他人值班').waitFor()
    await sheet.getByTestId('tm-error-onDuty').scrollIntoViewIfNeeded()
    await shot(liu, 't-team-05-last-on-duty-refused')
    await sheet.getByText('✕').click()
    await sheet.waitFor({ state: 'detached' })
    // Nothing changed: she is still on duty, and 赵强 goes back on the roster.
    await expect(liuCard.getByTestId('tm-duty-dev-supervisor-liu').innerText()).resolves.toBe('值班中')
    await tap(zhaoDuty)
    await zhaoDuty.getByText('值班中').waitFor()
    await liu
      .getByTestId('tm-summary')
      .getByText(/^共 \d+ 人 · 值班 2 人$/)
      .waitFor()
    await shot(liu, 't-team-06-roster-restored')

    // 4. 设置 → 常用回复: a new one, last in the list.
    await go(liu, env.host.url, '/staff/home/index')
    await liu.getByTestId('tile-settings').click()
    await liu.getByTestId('st-tab-replies').click()
    await liu.getByTestId('reply-add').click()
    const form = liu.getByTestId('reply-form')
    await form.getByTestId('reply-title').locator('input').fill(REPLY.title)
    await form.getByTestId('reply-text').locator('textarea').fill(REPLY.text)
    await shot(liu, 't-team-07-reply-form')
    await form.getByTestId('reply-save').click()
    await form.waitFor({ state: 'detached' })
    const added = liu.getByTestId('reply-item').last()
    await added.getByText(REPLY.title).waitFor()
    await expect(added.innerText()).resolves.toContain(REPLY.text)
    await added.scrollIntoViewIfNeeded()
    await shot(liu, 't-team-08-reply-saved')

    // 5. 陈静 opens a ticket: the new reply is among her saved replies, and a tap fills the box.
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/home/index')
    await chen.getByTestId('tile-tickets').click()
    await chen.getByTestId('tab-all').click()
    // Any ticket still open to a reply: not cancelled, not merged into another.
    await tap(
      chen
        .getByTestId('inbox-item')
        .filter({ hasNotText: /已取消|已合并/ })
        .first(),
    )
    await chen.getByTestId('ticket-head').waitFor()
    const chip = chen.getByTestId('saved-reply').filter({ hasText: REPLY.title })
    await chip.waitFor()
    await tap(chip)
    await expect(chen.getByTestId('reply-input').locator('textarea').inputValue()).resolves.toBe(REPLY.text)
    await shot(chen, 't-team-09-chen-saved-reply')

    // 6. 回访与催缴: every finished job gets a callback from now on.
    await liu.getByTestId('st-tab-policies').click()
    await liu.getByTestId('cb-status').getByText('当前使用默认策略').waitFor()
    await liu.getByTestId('cb-always').click()
    await liu.getByTestId('cb-status').getByText('当前：全部回访，对此后完工的工单生效').waitFor()
    await shot(liu, 't-team-10-callback-always')

    // 7. 操作记录: each change, by 刘芳, newest first; the refused one is not there.
    await liu.getByTestId('st-tab-audit').click()
    const all = [
      '回访策略：72 小时未评价的回访 → 全部回访',
      `新增常用回复「${REPLY.title}」`,
      '修改 赵强：加入值班',
      '修改 赵强：退出值班',
      '修改 周明：负责楼栋 1、2、3 栋 → 1、2、3、4 栋',
    ]
    await trailShows(liu, all)
    for (const row of await liu.getByTestId('audit-item').all()) await expect(row.innerText()).resolves.toMatch(/刘芳 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
    // The rows are the records, newest first, each by liu.
    const docs = await env.host.local.store.c.audit.find({ where: { communityId: 'sunshine' }, orderBy: [['at', 'desc']], limit: 100 })
    expect(docs.map((a) => a.summary)).toEqual(all)
    expect(new Set(docs.map((a) => `${a.actor} ${a.actorName}`))).toEqual(new Set(['dev-supervisor-liu 刘芳']))
    await shot(liu, 't-team-11-audit-all')
    // Opened, a record shows before → after.
    const zoneRow = liu.getByTestId('audit-item').filter({ hasText: '修改 周明' })
    await zoneRow.click()
    const diff = zoneRow.getByTestId('audit-diff')
    await diff.waitFor()
    await expect(diff.innerText()).resolves.toMatch(/负责楼栋\s*1、2、3\s*→\s*1、2、3、4/)
    await zoneRow.scrollIntoViewIfNeeded()
    await shot(liu, 't-team-12-audit-diff')

    // 8. Search by kind narrows it; by someone who changed nothing, nothing.
    await liu.getByTestId('audit-kind-team').click()
    await trailShows(liu, all.slice(2))
    await shot(liu, 't-team-13-audit-team')
    await liu.getByTestId('audit-kind-savedReplies').click()
    await trailShows(liu, [all[1]])
    await liu.getByTestId('audit-kind-callbackPolicy').click()
    await trailShows(liu, [all[0]])
    await liu.getByTestId('audit-kind-all').click()
    await liu.getByTestId('audit-actor').locator('input').fill('陈静')
    await liu.getByTestId('audit-search').click()
    await liu.getByText('没有找到操作记录').waitFor()
    await trailShows(liu, [])
    await liu.getByTestId('audit-actor').locator('input').fill('刘芳')
    await liu.getByTestId('audit-search').click()
    await trailShows(liu, all)
    await shot(liu, 't-team-14-audit-by-actor')
  })
})
