import Taro from '@tarojs/taro'
import { api } from '../../../services/api'
import { devPhoneCode } from '../../../services/backend'

/**
 * 手机号快速验证 → the number WeChat verified, masked. In WeChat the button's
 * `bindgetphonenumber` gives a one-time code (none when the person declines); on the local host
 * a simulated sheet asks, and the host issues the code the way WeChat would.
 */
export async function verifyPhone(code?: string): Promise<string | null> {
  if (process.env.TARO_ENV === 'h5') {
    const { confirm } = await Taro.showModal({
      title: '模拟微信手机号快速验证',
      content: '允许「物业服务」使用您微信绑定的手机号？（本地演示）',
      confirmText: '允许',
      cancelText: '拒绝',
    })
    if (!confirm) return null
    code = await devPhoneCode()
  }
  if (!code) return null
  return (await api.account.verifyPhone({ code })).phone
}
