// babel-preset-taro: https://docs.taro.zone/docs/next/babel-config
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        // Both builds run where ES2017 and its library are native: WeChat on iOS 12+ JavaScriptCore and
        // Android's Chrome-based XWeb, the H5 build in the same phones' browsers. Spelling arrows,
        // spread and async out as ES5, or shipping core-js for Array.prototype.map (the H5 build
        // carried 300 KB of it before any page), only costs bytes and start-up time.
        useBuiltIns: false,
        targets: { ios: '12', chrome: '70' },
      },
    ],
  ],
}
