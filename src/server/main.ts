import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../core/paths.js';
import { isEmpty, openDatabase, type DatabaseHandle } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { DemoSummary } from '../demo/seed/index.js';
import { buildApp } from './app.js';
import { loadConfig, sqliteFile, type Config } from '../core/config.js';
import type { AppContext } from '../core/context.js';
import { removeExpiredAuthData } from '../features/auth/service.js';

export function readVersion(): string {
  const pkg = path.join(projectRoot(), 'package.json');
  return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
}

export function openConfiguredDatabase(config: Config): DatabaseHandle {
  return openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: sqliteFile(config) });
}

export function printDemoSummary(summary: DemoSummary, log: (line: string) => void = console.log): void {
  log(`Đã nạp dữ liệu mẫu: ${summary.units} đơn vị, ${summary.members} đảng viên, ${summary.meetings} cuộc họp chi bộ, ${summary.tasks} nhiệm vụ, ${summary.directives} văn bản chỉ đạo, ${summary.commitments} chỉ tiêu cam kết, ${summary.selfExaminations} bản tự soi, ${summary.feedback} góp ý, ${summary.planItems} nội dung tự sửa, ${summary.localIssues} vấn đề tồn tại, ${summary.citizenFeedback} ý kiến người dân.`);
  const p = summary.present;
  if (p.meetingsHeld + p.meetingsPlanned > 0) {
    log(
      `Hiện tại (đến ngày ${p.today.split('-').reverse().join('/')}): ${p.meetingsHeld} buổi sinh hoạt đã họp (${p.heldFrom} – ${p.heldTo}), ${p.meetingsPlanned} buổi sắp họp, ${p.directives} văn bản chỉ đạo, ${p.tasks} nhiệm vụ (${p.tasksOpen} đang làm, ${p.tasksOverdue} quá hạn), ${p.commitments} chỉ tiêu cam kết năm ${p.today.slice(0, 4)}, kỳ tự soi ${p.openPeriod}: ${p.selfExaminationsSubmitted} bản đã nộp, ${p.feedbackWaiting} góp ý chờ trả lời, ${p.planItems} nội dung tự sửa. Năm 2022 là câu chuyện của bài báo.`,
    );
  }
  log(`Tài khoản mẫu (mật khẩu "${summary.password}"):`);
  const width = Math.max(...summary.accounts.map((a) => a.username.length));
  for (const a of summary.accounts) log(`  ${a.username.padEnd(width)}  ${a.displayName} — ${a.roles.join(', ')}`);
  if (summary.trackingCodes.length) {
    log('Mã tra cứu ý kiến người dân mẫu (trang /y-kien/tra-cuu):');
    for (const c of summary.trackingCodes) log(`  ${c.code}  ${c.name}`);
  }
}

/** `tusoi serve`: migrate, load the demo commune into an empty database, listen. */
export async function serve(options: { demo?: boolean; port?: number; host?: string } = {}): Promise<void> {
  const base = loadConfig();
  const config: Config = {
    ...base,
    port: options.port ?? base.port,
    host: options.host ?? base.host,
    allowDemoPasswords: base.allowDemoPasswords || options.demo === true,
  };
  const handle = openConfiguredDatabase(config);
  await migrateToLatest(handle);
  if (await isEmpty(handle)) {
    if (config.production && !options.demo) {
      console.log('Cơ sở dữ liệu trống. Chạy "tusoi seed --demo" để nạp dữ liệu mẫu, hoặc "tusoi user create" để tạo tài khoản đầu tiên.');
    } else {
      printDemoSummary(await loadDemo(handle));
    }
  }
  const ctx: AppContext = { handle, config, version: readVersion() };
  const app = await buildApp(ctx, { logger: true });
  const housekeeping = () => removeExpiredAuthData(ctx).catch((err: unknown) => app.log.warn({ err }, 'housekeeping failed'));
  await housekeeping();
  const timer = setInterval(housekeeping, 3600_000);
  timer.unref();
  const close = async () => {
    clearInterval(timer);
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    await handle.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`Cổng ${config.port} đang được chương trình khác dùng. Đặt PORT=… để chạy ở cổng khác. (port ${config.port} is in use)`);
    }
    throw error;
  }
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Tự Soi đang chạy tại http://${shownHost}:${config.port} (cơ sở dữ liệu: ${handle.dialect.name})`);
}

/**
 * Loads the demo commune into an empty database. The demo (its builders and story files) is
 * imported only here, so serving a real commune, or any other command, never reads it.
 */
export async function loadDemo(handle: DatabaseHandle): Promise<DemoSummary> {
  const { seedDemo } = await import('../demo/seed/index.js');
  return seedDemo(handle);
}
