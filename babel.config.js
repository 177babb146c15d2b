// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: process.env.TARO_ENV === 'h5' ? 'usage' : false,
        // WeChat runs mini-programs on iOS 12+ JavaScriptCore and Android's Chrome-based XWeb, both of
        // which run ES2017 natively: spelling arrows, spread and async out as ES5 only costs bytes.
        ...(process.env.TARO_ENV === 'weapp' ? { targets: { ios: '12', chrome: '70' } } : {}),
      },
    ],
  ],
}
