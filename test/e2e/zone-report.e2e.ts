import { e2eHost, go, phone, shot, tap } from './browser'

const env = e2eHost('zone-report')

describe('片区月报, end to end in Chromium', () => {
  it('zhou reads his zone’s month and submits it with a comment; 刘芳 is told and reads it beside the figures', async () => {
    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await tap(zhou.getByTestId('tile-zone-report'))
    const card = zhou.getByTestId('zone-report')
    await card.getByText('周明 · 1、2、3栋').waitFor()
    await card.getByText('巡查完成率').waitFor()
    await shot(zhou, 'z01-zone-report')
    const comment = '本月漏巡较多，已把日常巡查提前到上午；2栋垃圾桶满溢已要求保洁整改。'
    await card.getByTestId('zone-comment').locator('textarea').fill(comment)
    await tap(card.getByTestId('zone-submit'))
    await card.getByText('已提交', { exact: true }).waitFor()
    await shot(zhou, 'z02-submitted')

    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/pages/messages/index')
    // The message opens the report.
    await tap(liu.getByText(/周明提交了 \d{4}-\d{2} 片区月报/).first())
    const seen = liu.getByTestId('zone-report').filter({ hasText: '周明' })
    await seen.getByTestId('zone-said').getByText(comment).waitFor()
    await expect(seen.getByTestId('zone-comment').count()).resolves.toBe(0)
    await shot(liu, 'z03-supervisor-reads')
  })
})
