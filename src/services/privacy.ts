import Taro from '@tarojs/taro'

/**
 * Before a privacy API (chooseMedia, chooseMessageFile): in WeChat, let the platform ask for
 * consent to our privacy guide first; rejects when the person declines. Base libraries older than
 * 2.32.3 lack the API (the privacy API then prompts by itself). H5: nothing to ask.
 */
export function requirePrivacy(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.requirePrivacyAuthorize !== 'function') return Promise.resolve()
  return new Promise((resolve, reject) =>
    Taro.requirePrivacyAuthorize({ success: () => resolve(), fail: () => reject(new Error('需同意隐私保护指引后才能继续')) }),
  )
}
