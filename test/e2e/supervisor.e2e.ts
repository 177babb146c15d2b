import { e2eHost, go, phone, shot } from './browser'

const env = e2eHost('supervisor')

describe('supervisor view, end to end in Chromium', () => {
  it('liu opens the dashboard, taps a tile into the inbox, and a bad SLA minute is refused beside its field; zhou sees his zone', async () => {
    const liu = await phone(env.browser, env.host.url, 'supervisor-liu')
    await go(liu, env.host.url, '/staff/home/index')
    await liu.getByTestId('tile-dashboard').click()
    await liu.getByTestId('db-count-open').waitFor()
    await expect(liu.getByTestId('db-scope').innerText()).resolves.toBe('全小区')
    await shot(liu, 'd01-dashboard-liu')
    const open = Number(await liu.getByTestId('db-count-open').innerText())
    await liu.getByTestId('db-tile-open').click()
    await liu.getByTestId('filter-tile').waitFor()
    await expect(liu.getByTestId('inbox-item').count()).resolves.toBe(Math.min(open, 20))
    await shot(liu, 'd02-inbox-from-tile')

    await go(liu, env.host.url, '/staff/settings/index')
    const respond = liu.getByTestId('st-sla.repair.respond').locator('input')
    await respond.waitFor()
    await respond.fill('0')
    await liu.getByTestId('st-save').click()
    await liu.getByTestId('st-error-sla.repair.respond').getByText('分钟数须为正整数').waitFor()
    await shot(liu, 'd03-settings-error')
    await respond.fill('45')
    await liu.getByTestId('st-save').click()
    await liu
      .getByTestId('st-status')
      .getByText(/刘芳 于/)
      .waitFor()
    await shot(liu, 'd04-settings-saved')

    const zhou = await phone(env.browser, env.host.url, 'manager-zhou')
    await go(zhou, env.host.url, '/staff/dashboard/index')
    await zhou.getByTestId('db-scope').getByText('负责 1、2、3 栋').waitFor()
    await shot(zhou, 'd05-dashboard-zhou')
  })
})
