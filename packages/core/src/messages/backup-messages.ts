/** Messages of `jixiao db backup` / `db restore` (codes `backup.*`): what stops a backup or a restore, and what to do. */
import type { MessageTemplate } from './message-template.js';
import { param as p } from './message-template.js';

export const BACKUP_MESSAGES = {
  'backup.memoryDatabase': {
    zh: () => '内存数据库（:memory:）无法备份或恢复：请指定数据库文件或 PostgreSQL 地址。',
    en: () => 'An in-memory database (:memory:) cannot be backed up or restored: name a database file or a PostgreSQL URL.',
  },
  'backup.fileExists': {
    zh: (x) => `备份文件已存在：${p(x, 'file')}。为免覆盖，请换一个文件名或先删除它。`,
    en: (x) => `The backup file already exists: ${p(x, 'file')}. Choose another name or delete it first; it is never overwritten.`,
  },
  'backup.fileMissing': {
    zh: (x) => `找不到备份文件：${p(x, 'file')}`,
    en: (x) => `No backup file at ${p(x, 'file')}`,
  },
  'backup.notABackup': {
    zh: (x) => `${p(x, 'file')} 不是 jixiao 备份文件（${p(x, 'detail')}）。`,
    en: (x) => `${p(x, 'file')} is not a jixiao backup (${p(x, 'detail')}).`,
  },
  'backup.wrongDialect': {
    zh: (x) => `这是 ${p(x, 'backupDialect')} 数据库的备份，不能恢复到 ${p(x, 'targetDialect')} 数据库。`,
    en: (x) => `This is a backup of a ${p(x, 'backupDialect')} database; it cannot be restored into ${p(x, 'targetDialect')}.`,
  },
  'backup.schemaMismatch': {
    zh: (x) => `备份的数据库结构（迁移 ${p(x, 'backup')}）与目标数据库（迁移 ${p(x, 'target')}）不一致：请用相同版本的 jixiao 恢复。`,
    en: (x) => `The backup's schema (migrations ${p(x, 'backup')}) differs from the target's (migrations ${p(x, 'target')}): restore with the same version of jixiao.`,
  },
  'backup.targetNotEmpty': {
    zh: (x) => `目标数据库不是空的（表 ${p(x, 'table')} 已有 ${p(x, 'rows')} 行）：只能恢复到新建的空数据库，以免混入或覆盖现有数据。`,
    en: (x) => `The target database is not empty (table ${p(x, 'table')} has ${p(x, 'rows')} rows): restore only into a new, empty database, so nothing is mixed in or overwritten.`,
  },
  'backup.truncated': {
    zh: (x) => `备份文件不完整或已损坏（${p(x, 'detail')}）：未恢复任何数据。`,
    en: (x) => `The backup file is incomplete or damaged (${p(x, 'detail')}): nothing was restored.`,
  },
} as const satisfies Record<string, MessageTemplate>;
