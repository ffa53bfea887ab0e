/** Messages of the API's errors (codes `api.*`): what a caller did that the server refuses, and why. */
import type { FollowUpCode } from './follow-up-messages.js';
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

export const SERVER_MESSAGES = {
  'api.badRequest': { zh: (x) => `请求有误：${p(x, 'detail')}`, en: (x) => `Bad request: ${p(x, 'detail')}` },
  'api.nulCharacter': {
    zh: (x) => `请求有误：${p(x, 'where')} 中含有空字符（U+0000），不能保存。`,
    en: (x) => `Bad request: ${p(x, 'where')} contains a NUL character (U+0000), which cannot be stored.`,
  },
  'api.unauthenticated': { zh: () => '请先登录。', en: () => 'Please sign in first.' },
  'api.invalidCredentials': { zh: () => '用户名或密码错误。', en: () => 'Wrong username or password.' },
  'api.wrongPassword': { zh: () => '当前密码不正确。', en: () => 'The current password is wrong.' },
  'api.weakPassword': {
    zh: (x) => `新密码至少需要 ${p(x, 'min')} 个字符。`,
    en: (x) => `The new password needs at least ${p(x, 'min')} characters.`,
  },
  'api.csrf': {
    zh: () => '缺少或错误的 CSRF 令牌（请求头 X-CSRF-Token）：请重新登录后再试。',
    en: () => 'Missing or wrong CSRF token (header X-CSRF-Token): sign in again and retry.',
  },
  'api.forbidden': { zh: () => '您无权执行此操作。', en: () => 'You may not do this.' },
  'api.notFound': { zh: () => '找不到该资源，或您无权查看。', en: () => 'Not found, or not yours to see.' },
  'api.rateLimited': { zh: () => '尝试次数过多，请稍后再试。', en: () => 'Too many attempts; try again later.' },
  'api.signInPaused': {
    zh: (x) => `该账户连续登录失败次数过多，已暂停登录：请 ${p(x, 'minutes')} 分钟后再试。`,
    en: (x) => `Too many failed sign-ins for this account: signing in is paused; try again in ${p(x, 'minutes')} minutes.`,
  },
  'api.preconditionRequired': {
    zh: () => '保存时必须在 If-Match 请求头中给出表单版本号。',
    en: () => 'A save must carry the form version in the If-Match header.',
  },
  'api.versionConflict': {
    zh: (x) => `表单已被他人修改（当前版本 ${p(x, 'currentVersion')}，您的版本 ${p(x, 'yourVersion')}）：请重新载入后再保存。`,
    en: (x) => `The form was changed by someone else (now version ${p(x, 'currentVersion')}, yours ${p(x, 'yourVersion')}): reload before saving.`,
  },
  'api.transitionNotAllowed': {
    zh: (x) => `当前状态（${p(x, 'state')}）下不能执行“${p(x, 'action')}”。`,
    en: (x) => `“${p(x, 'action')}” is not possible while the form is ${p(x, 'state')}.`,
  },
  'api.commentRequired': { zh: () => '退回时必须填写意见。', en: () => 'Returning a form needs a comment.' },
  'api.locked': { zh: (x) => `表单已${p(x, 'state')}，不能修改。`, en: (x) => `The form is ${p(x, 'state')} and can no longer be changed.` },
  'api.unknownIndicator': { zh: (x) => `表单中没有指标 ${p(x, 'indicatorId')}。`, en: (x) => `The form has no indicator ${p(x, 'indicatorId')}.` },
  'api.formInvalid': { zh: (x) => `表单内容无效：${p(x, 'detail')}`, en: (x) => `The form is not valid: ${p(x, 'detail')}` },
  'api.unreadableUpload': { zh: () => '上传的文件无法读取为自评表，详见问题列表。', en: () => 'The uploaded file could not be read as a form; see the problems.' },
  'api.uploadExpired': { zh: () => '预览已过期或不存在，请重新上传。', en: () => 'The preview has expired or does not exist; upload again.' },
  'api.fileTooLarge': { zh: (x) => `文件太大（上限 ${p(x, 'limitMb')} MB）。`, en: (x) => `The file is too large (the limit is ${p(x, 'limitMb')} MB).` },
  'api.fileType': {
    zh: (x) => `不接受此类文件“${p(x, 'extension')}”：可上传 ${p(x, 'supported')}。`,
    en: (x) => `Files of type “${p(x, 'extension')}” are not accepted: upload ${p(x, 'supported')}.`,
  },
  'api.fileContent': {
    zh: (x) => `文件“${p(x, 'fileName')}”的内容不是${p(x, 'kind')}，与扩展名 ${p(x, 'extension')} 不符：请上传真实的 ${p(x, 'extension')} 文件。`,
    en: (x) => `The content of “${p(x, 'fileName')}” is not ${p(x, 'kind')}, as its extension ${p(x, 'extension')} says: upload a real ${p(x, 'extension')} file.`,
  },
  'api.noFile': { zh: () => '请求中没有文件。', en: () => 'The request carries no file.' },
  'api.exportFailed': { zh: (x) => `无法导出为 ${p(x, 'format')}：${p(x, 'detail')}`, en: (x) => `Cannot export as ${p(x, 'format')}: ${p(x, 'detail')}` },
  'api.busy': {
    zh: (x) => `服务器正忙于处理其他文件（读取或导出），请 ${p(x, 'seconds')} 秒后重试。`,
    en: (x) => `The server is busy reading or writing other files; try again in ${p(x, 'seconds')} s.`,
  },
  'api.conflict': { zh: (x) => `已存在：${p(x, 'detail')}`, en: (x) => `Already exists: ${p(x, 'detail')}` },
  'api.demoInProduction': {
    zh: () => '生产环境（NODE_ENV=production）不允许加载演示数据。',
    en: () => 'Demo data is refused in production (NODE_ENV=production).',
  },
  'api.nothingPublished': {
    zh: (x) => `${p(x, 'year')} 年度没有已公开的自评表，因此没有开放数据；请选择有公开表的年度。`,
    en: (x) => `Nothing is published for ${p(x, 'year')}, so there is no open data; choose a year with published forms.`,
  },
  'api.internal': { zh: () => '服务器内部错误，已记录。', en: () => 'Internal server error; it has been logged.' },
} as const satisfies Record<string, MessageTemplate>;

/** A stable code of an API error. */
export type ServerCode = keyof typeof SERVER_MESSAGES | FollowUpCode;
