/**
 * The strings the entry needs before the signed-in shell is loaded: the login page, loading and error
 * states. The rest (zh-cn.ts and the module files) comes with the shell; see index.ts.
 */
export const loginZhCN = {
  'app.name': '半边天',
  'app.title': '半边天 · 妇联工作台账',
  'app.tagline': '妇联工作台账与统计报表平台',
  'common.loading': '正在加载…',
  'common.loadFailed': '加载失败',
  'common.retry': '重试',
  'demo.badge': '演示数据',
  'demo.short': '演示',
  'demo.tooltip': '本系统正在使用虚构的演示数据，请勿录入真实信息',
  'auth.login': '登录',
  'login.username': '用户名',
  'login.password': '密码',
  'login.usernameRequired': '请输入用户名',
  'login.passwordRequired': '请输入密码',
  'login.demoHint': '这是演示系统，可用以下账号登录体验',
  'login.demoAccounts': '演示账号（县/镇/村）：',
  'login.demoPassword': '密码均为',
  'login.expired': '登录已超时，请重新登录',
  'error.forbidden': '抱歉，您没有访问此页面的权限。',
  'error.notFound': '抱歉，您访问的页面不存在。',
  'error.backHome': '返回工作台',
  'error.crashed': '页面出错了',
  'error.crashedHint': '请刷新页面重试；如果问题仍然存在，请联系管理员。',
  'error.chunkLoad': '系统可能刚刚更新，请刷新页面以加载最新版本。',
  'error.reload': '刷新页面',
  'login.showPassword': '显示输入的内容',
  'login.hidePassword': '隐藏输入的内容',
} as const;

export type LoginMessageKey = keyof typeof loginZhCN;
