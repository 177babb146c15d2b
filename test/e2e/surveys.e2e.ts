import type { Page } from 'playwright-core'
import { FUNCTIONS } from '../../scripts/host/functions'
import { fixedClock } from '../../cloudfunctions/lib/ports/clock'
import { e2eHost, go, phone, shot, tap } from './browser'

// The host's clock is ours: the 72 h wait is a jump, and the scheduler runs when we say.
const clock = fixedClock(Date.now())
const HOUR = 3600_000

const env = e2eHost('surveys', { clock })

const as = async (account: string | null, fn: string, action: string, data: unknown = {}) => {
  const r = await FUNCTIONS[fn].call({ action, data }, { openid: account ? `dev-${account}` : null, source: account ? 'dev' : 'timer' }, env.host.local.deps)
  if (!r.ok) throw new Error(`${fn}.${action}: ${r.error.message}`)
  return r.data as { id: string; no: string }
}
const tick = () => as(null, 'scheduler', 'tick')

/** A repair tech-zhao finished and zhang confirmed; the scheduler then sends the survey. */
async function doneJob(description: string, confirm = true) {
  const t = await as('resident-zhang', 'tickets', 'create', {
    type: 'repair',
    scope: 'home',
    houseId: 'sunshine-1-1-301',
    category: 'water_electric',
    description,
    photos: [],
  })
  await as('agent-chen', 'tickets', 'dispatch', { ticketId: t.id, assignee: 'dev-tech-zhao' })
  await as('tech-zhao', 'tickets', 'accept', { ticketId: t.id })
  await as('tech-zhao', 'tickets', 'complete', { ticketId: t.id, note: '已处理完毕，试用正常' })
  if (confirm) await as('resident-zhang', 'tickets', 'confirm', { ticketId: t.id })
  await tick()
  return t
}

async function rate(page: Page, ticketId: string, stars: number, tag: string, resolved: boolean, comment: string) {
  await go(page, env.host.url, `/resident/tickets/detail/index?id=${ticketId}`)
  const form = page.getByTestId('survey-form')
  await form.waitFor()
  await tap(form.getByTestId(`star-overall-${stars}`))
  await tap(form.getByTestId(`star-speed-${stars}`))
  await tap(form.getByTestId(`star-attitude-${stars}`))
  await tap(form.getByTestId(resolved ? 'resolved-yes' : 'resolved-no'))
  await tap(form.getByTestId(`tag-${tag}`))
  await form.getByTestId('survey-comment').locator('textarea').fill(comment)
}

describe('回访 surveys, end to end in Chromium', () => {
  it('zhang rates 5 stars with 准时 → the figure moves on tech-zhao’s stats', async () => {
    const job = await doneJob('卫生间灯不亮了，开关按了没反应')
    const zhao = await phone(env.browser, env.host.url, 'tech-zhao')
    await go(zhao, env.host.url, '/staff/figures/index')
    await expect(zhao.getByTestId('fig-count').innerText()).resolves.toContain('已评 0')
    await expect(zhao.getByTestId('fig-total-average').innerText()).resolves.toBe('—')
    await shot(zhao, 's01-handler-figures-before')

    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await rate(zhang, job.id, 5, '准时', true, '师傅准时上门，很快就修好了')
    await shot(zhang, 's02-rating-form')
    await tap(zhang.getByTestId('submit-survey'))
    await zhang.getByTestId('rating-view').waitFor()
    await expect(zhang.getByTestId('rating-tag').innerText()).resolves.toBe('准时')
    await shot(zhang, 's03-rated')

    await zhao.reload()
    await zhao.getByTestId('fig-count').getByText('已评 1').waitFor()
    await expect(zhao.getByTestId('fig-total-average').innerText()).resolves.toBe('5.0')
    await expect(zhao.getByTestId('fig-total-satisfied').innerText()).resolves.toBe('100%')
    await shot(zhao, 's04-handler-figures-after')

    // The agent replies on the staff ticket page; zhang sees the reply on the ticket.
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, `/staff/ticket/index?id=${job.id}`)
    await chen.getByTestId('staff-survey').getByTestId('rating-view').waitFor()
    await chen.getByTestId('survey-reply-input').locator('textarea').fill('感谢您的认可，有需要随时联系我们')
    await tap(chen.getByTestId('send-survey-reply'))
    await chen.getByTestId('rating-reply').waitFor()
    await shot(chen, 's05-staff-reply')
    await go(zhang, env.host.url, `/resident/tickets/detail/index?id=${job.id}`)
    await zhang.getByTestId('rating-reply').getByText('感谢您的认可').waitFor()
    await shot(zhang, 's06-resident-sees-reply')
  })

  it('zhang rates another job 1 star with 没修好 → supervisor-liu sees a new complaint with a 24 h callback', async () => {
    const job = await doneJob('阳台下水道堵塞，水排不下去')
    const zhang = await phone(env.browser, env.host.url, 'resident-zhang')
    await rate(zhang, job.id, 1, '没修好', false, '师傅走了以后又堵了')
    await tap(zhang.getByTestId('submit-survey'))
    const link = zhang.getByTestId('survey-complaint')
    await link.waitFor()
    await expect(link.innerText()).resolves.toMatch(/TS-\d{8}-\d{4}/)
    await shot(zhang, 's07-bad-rating')

    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/home/index')
    await liu.getByTestId('tile-callbacks').getByText('1').waitFor()
    await shot(liu, 's08-supervisor-home')
    await liu.getByTestId('tile-callbacks').click()
    const task = liu.getByTestId('callback-item').filter({ hasText: '差评回访' })
    await task.waitFor()
    await expect(task.getByTestId('callback-due').innerText()).resolves.toMatch(/剩 2[34] 小时[\s\S]*刘芳/)
    await expect(task.getByTestId('callback-phone').innerText()).resolves.toBe('138****0301')
    await shot(liu, 's09-supervisor-callbacks')
    await go(liu, env.host.url, '/staff/inbox/index')
    await liu.getByTestId('inbox-item').filter({ hasText: '回访差评' }).first().waitFor()
    await shot(liu, 's10-supervisor-inbox-complaint')
  })

  it('a job left unrated 72 hours gives agent-chen a callback task; the recorded call closes it', async () => {
    const job = await doneJob('楼道灯坏了三盏，晚上很黑')
    clock.advance(72 * HOUR + 60_000)
    await tick()
    const chen = await phone(env.browser, env.host.url, 'agent-chen')
    await go(chen, env.host.url, '/staff/callbacks/index')
    const task = chen.getByTestId('callback-item').filter({ hasText: job.no })
    await task.waitFor()
    await expect(task.getByTestId('callback-phone').innerText()).resolves.toBe('138****0301')
    await shot(chen, 's11-agent-callbacks')
    await tap(task.getByTestId('start-call'))
    const sheet = chen.getByTestId('call-sheet')
    await expect(sheet.getByTestId('full-phone').innerText()).resolves.toBe('13800000301')
    await tap(sheet.getByTestId('outcome-satisfied'))
    await sheet.getByTestId('call-note').locator('textarea').fill('住户表示灯已修好，对服务满意')
    await shot(chen, 's12-call-sheet')
    await tap(sheet.getByTestId('save-call'))
    await chen.getByTestId('callback-item').filter({ hasText: job.no }).waitFor({ state: 'detached' })
    await tap(chen.getByTestId('cb-tab-done'))
    await chen.getByTestId('callback-item').filter({ hasText: job.no }).getByText('住户表示灯已修好').waitFor()
    await shot(chen, 's13-callback-done')
  })
})
