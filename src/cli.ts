import { Command } from 'commander';
import { migrateToLatest } from './db/migrate.js';
import { isEmpty } from './db/database.js';
import { roles, type Role } from './domain/roles.js';
import { createAccount, generatePassword, resetPassword } from './features/accounts/service.js';
import { verifyAuditChain } from './features/audit/service.js';
import { DEMO_PASSWORD } from './core/passwords.js';
import { ConfigError, loadConfig } from './core/config.js';
import { loadDemo, openConfiguredDatabase, printDemoSummary, readVersion, serve } from './server/main.js';

/** Opens the configured database, migrated, runs `work`, and closes it. */
async function withDatabase<T>(work: (handle: ReturnType<typeof openConfiguredDatabase>) => Promise<T>): Promise<T> {
  const handle = openConfiguredDatabase(loadConfig());
  try {
    await migrateToLatest(handle);
    return await work(handle);
  } finally {
    await handle.close();
  }
}

function refuseDemoPassword(password: string, demo: boolean | undefined): void {
  if (loadConfig().production && password === DEMO_PASSWORD && !demo) {
    throw new Error('Mật khẩu mẫu bị từ chối khi NODE_ENV=production (thêm --demo nếu thật sự muốn).');
  }
}

/** `--port` accepts what PORT accepts; the message names the flag, not the variable. */
function parsePortOption(value: string): number {
  try {
    return loadConfig({ PORT: value }).port;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    throw new Error(`--port "${value}" không hợp lệ: cần ${error.problems[0]!.expected}. (--port is invalid)`);
  }
}

export function buildCli(): Command {
  const program = new Command('tusoi')
    .description('Tự Soi — tự soi, tự sửa cho Đảng bộ xã và chi bộ. Database: DATABASE_URL=postgres://… or SQLite in DATA_DIR (./data).')
    .version(readVersion());

  program
    .command('serve')
    .description('Run migrations, load the demo commune into an empty database, and serve the API and web app')
    .option('-p, --port <port>', 'port (default: PORT or 3000)', parsePortOption)
    .option('-H, --host <host>', 'host (default: HOST or 0.0.0.0)')
    .option('--demo', 'in production, still load the demo commune and accept the demo password')
    .action(async (opts: { port?: number; host?: string; demo?: boolean }) => serve(opts));

  program
    .command('migrate')
    .description('Apply database migrations')
    .action(async () => {
      const applied = await withDatabase((handle) => migrateToLatest(handle));
      console.log(applied.length ? `Đã áp dụng: ${applied.join(', ')}` : 'Cơ sở dữ liệu đã ở phiên bản mới nhất.');
    });

  program
    .command('seed')
    .description('Load the demo commune (Đảng bộ xã Minh Quang, 25 chi bộ) into an empty database')
    .requiredOption('--demo', 'load the demo commune')
    .action(async () => {
      await withDatabase(async (handle) => {
        if (!(await isEmpty(handle))) {
          console.error('Cơ sở dữ liệu đã có dữ liệu; không nạp dữ liệu mẫu.');
          process.exitCode = 1;
          return;
        }
        printDemoSummary(await loadDemo(handle));
      });
    });

  const user = program.command('user').description('Manage accounts');
  user
    .command('create')
    .description('Create an account with one or more roles (role@unitId)')
    .argument('<username>', 'sign-in name, e.g. bithu.dongthu')
    .requiredOption('-n, --name <displayName>', 'full name shown in the app')
    .requiredOption('-r, --role <role@unitId...>', `role at a unit; roles: ${roles.join(', ')}`)
    .option('-m, --member <memberId>', 'link to a member record')
    .option('--password <password>', 'initial password (default: generated and printed)')
    .option('--demo', 'allow the demo password in production')
    .action(async (username: string, opts: { name: string; role: string[]; member?: string; password?: string; demo?: boolean }) => {
      const password = opts.password ?? generatePassword();
      refuseDemoPassword(password, opts.demo);
      const parsed = opts.role.map((spec) => {
        const [role, unitId] = spec.split('@');
        if (!role || !unitId || !(roles as readonly string[]).includes(role)) {
          throw new Error(`Vai trò không hợp lệ: "${spec}" (dạng role@unitId; role là một trong ${roles.join(', ')})`);
        }
        return { role: role as Role, unitId };
      });
      await withDatabase(async (handle) => {
        const id = await createAccount(handle, null, {
          username,
          displayName: opts.name,
          unitId: parsed[0]!.unitId,
          memberId: opts.member ?? null,
          password,
          mustChangePassword: opts.password === undefined,
          roles: parsed,
        });
        console.log(`Đã tạo tài khoản ${username} (${id}).`);
        if (opts.password === undefined) console.log(`Mật khẩu tạm thời (phải đổi khi đăng nhập lần đầu): ${password}`);
      });
    });
  user
    .command('reset-password')
    .description('Set a new password (generated unless given); the user must change it at next sign-in')
    .argument('<username>')
    .option('--password <password>', 'the new password (default: generated and printed)')
    .option('--demo', 'allow the demo password in production')
    .action(async (username: string, opts: { password?: string; demo?: boolean }) => {
      const password = opts.password ?? generatePassword();
      refuseDemoPassword(password, opts.demo);
      const found = await withDatabase((handle) => resetPassword(handle, null, username, password));
      if (!found) {
        console.error(`Không có tài khoản ${username}.`);
        process.exitCode = 1;
        return;
      }
      console.log(`Đã đặt lại mật khẩu cho ${username}: ${password}`);
    });

  program
    .command('audit-verify')
    .description('Check the hash chain of the audit log; exit 1 and name the first broken entry if it was altered')
    .action(async () => {
      const result = await withDatabase((handle) => verifyAuditChain(handle));
      if (result.ok) {
        console.log(`Nhật ký kiểm tra nguyên vẹn: ${result.count} mục. (audit log intact: ${result.count} entries)`);
        // The chain cannot show that its newest entries were removed; a head hash kept elsewhere can.
        console.log(`Mã băm mục cuối (lưu lại để đối chiếu lần sau / head hash to keep): ${result.headHash}`);
      } else {
        console.error(
          `Nhật ký kiểm tra bị thay đổi tại mục #${result.brokenSeq} (${result.reason}); ${result.count} mục trước đó nguyên vẹn. ` +
            `(audit log broken at entry #${result.brokenSeq}: ${result.reason})`,
        );
        process.exitCode = 1;
      }
    });

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
