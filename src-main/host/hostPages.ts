import type { IncomingHttpHeaders } from 'node:http';

/**
 * What the host says when it does not serve the console: plain text in both languages (the page a person sees
 * when a link is wrong, used or expired), the reader's language first. Never a stack trace, never a token.
 */
const PAGES = {
  badRequest: { status: 400, en: 'This request is not valid.', zh: '此请求无效。' },
  noSession: {
    status: 401,
    en: 'This browser has no console session, or it has ended (a session ends when the console is left unused, like the workspace lock). For a new link, press Enter in the terminal where Gatehouse is running, or restart Gatehouse.',
    zh: '此浏览器没有控制台会话，或会话已结束（控制台长时间未使用时会话会结束，与工作区自动锁定相同）。如需新链接，请在运行 Gatehouse 的终端中按回车键，或重新启动 Gatehouse。',
  },
  linkInvalid: {
    status: 403,
    en: 'This console link is not valid. Use the newest link Gatehouse printed in its terminal.',
    zh: '此控制台链接无效。请使用 Gatehouse 在终端中打印的最新链接。',
  },
  linkUsed: {
    status: 410,
    en: 'This console link has already been used. Each link opens the console once, in one browser. For a new link, press Enter in the terminal where Gatehouse is running, or restart Gatehouse.',
    zh: '此控制台链接已被使用过。每个链接只能在一个浏览器中打开一次控制台。如需新链接，请在运行 Gatehouse 的终端中按回车键，或重新启动 Gatehouse。',
  },
  notFound: { status: 404, en: 'Not found.', zh: '未找到。' },
  methodNotAllowed: { status: 405, en: 'Method not allowed.', zh: '不允许此请求方法。' },
  wrongHost: { status: 421, en: 'This console only answers on 127.0.0.1.', zh: '此控制台只在 127.0.0.1 上提供服务。' },
  internal: { status: 500, en: 'Something went wrong in Gatehouse; see its terminal.', zh: 'Gatehouse 内部出错，请查看其终端。' },
} as const;

export type HostPage = keyof typeof PAGES;

export function hostPage(page: HostPage, headers: IncomingHttpHeaders): { status: number; text: string } {
  const { status, en, zh } = PAGES[page];
  const chineseFirst = /^\s*zh\b/i.test(headers['accept-language'] ?? '');
  return { status, text: `${chineseFirst ? `${zh}\n\n${en}` : `${en}\n\n${zh}`}\n` };
}
