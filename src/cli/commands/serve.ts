import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n/index.js';
import { configOrExit, EXIT, resolveLang, UserError, version, type GlobalOptions } from '../common.js';

interface ServeOptions extends GlobalOptions {
  port?: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('本地预览：网站加校验结果，保存 YAML 后自动重新校验并刷新浏览器 / live preview of the site with diagnostics')
    .argument('[system]', '体系文件或目录；当前目录下只有一个体系时可省略')
    .option('--port <n>', '端口（默认 8370；0 表示任选一个空闲端口）', '8370')
    .addHelpText('after', `
只监听 127.0.0.1（本机）。按 Ctrl-C 停止。
退出码 / exit codes: 0 正常停止；2 用法错误或端口被占用`)
    .action(async (systemArg: string | undefined, opts: ServeOptions, cmd: Command) => {
      const g = { ...cmd.optsWithGlobals<GlobalOptions>(), ...opts };
      const cwd = process.cwd();
      const config = await configOrExit(cwd, g);
      const lang = resolveLang(g, config);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UserError({ zh: `--port 需要 0–65535 的整数，收到 “${opts.port}”`, en: `--port takes an integer 0-65535, got "${opts.port}"` });
      }
      const { Preview } = await import('../../serve/state.js');
      const { PreviewServer } = await import('../../serve/server.js');
      const { watch } = await import('chokidar');
      const preview = new Preview({ config, cwd, systemArg, lang, toolVersion: version() });
      preview.refresh();
      if (!preview.state.site && preview.state.diagnostics.length === 0) {
        throw new UserError({ zh: '没有找到可预览的标准体系', en: 'no standard system to preview' }, EXIT.USAGE);
      }
      const server = new PreviewServer(preview, lang);
      let bound: number;
      try {
        bound = await server.listen(port);
      } catch (e) {
        throw new UserError({ zh: `无法监听端口 ${port}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, en: `cannot listen on port ${port}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` },
          EXIT.USAGE, { zh: '用 --port 换一个端口（--port 0 任选）', en: 'choose another port with --port (0 picks a free one)' });
      }
      const root = config.dir;
      const watcher = watch(root, {
        ignoreInitial: true,
        ignored: (p: string) => /(^|[/\\])(node_modules|\.git|dist|site)([/\\]|$)/.test(path.relative(root, p)),
        awaitWriteFinish: false,
      });
      let timer: NodeJS.Timeout | undefined;
      const onChange = (file: string): void => {
        if (!/\.(ya?ml)$/i.test(file)) return;
        clearTimeout(timer);
        // editors write a file in several steps; one re-validation per burst
        timer = setTimeout(() => {
          const s = preview.refresh();
          server.notify();
          process.stderr.write(`${t({ zh: `${path.relative(cwd, file)} 已更改：重新校验用时 ${Math.round(s.ms)} ms，${s.diagnostics.length} 个问题`, en: `${path.relative(cwd, file)} changed: re-validated in ${Math.round(s.ms)} ms, ${s.diagnostics.length} problem(s)` }, lang)}\n`);
        }, 30);
      };
      watcher.on('add', onChange).on('change', onChange).on('unlink', onChange);
      process.stdout.write(`${t({ zh: `预览地址 http://127.0.0.1:${bound}/ （Ctrl-C 停止）`, en: `preview at http://127.0.0.1:${bound}/ (Ctrl-C to stop)` }, lang)}\n`);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          clearTimeout(timer);
          void Promise.all([watcher.close(), server.close()]).then(() => resolve());
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
      process.stdout.write(`${t({ zh: '预览已停止', en: 'preview stopped' }, lang)}\n`);
      process.exitCode = EXIT.OK;
    });
}
