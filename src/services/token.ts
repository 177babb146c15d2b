import Taro from '@tarojs/taro'

/** The local host's dev session token (H5 only; WeChat needs none: the platform knows the caller). */
const KEY = 'dev-token'
export const getToken = (): string => Taro.getStorageSync(KEY) || ''
export const setToken = (t: string) => Taro.setStorageSync(KEY, t)
export const clearToken = () => Taro.removeStorageSync(KEY)
