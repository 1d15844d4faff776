// Component tests in real Chromium (web-test-runner + @open-wc/testing); TypeScript through esbuild.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * `executeServerCommand('emulate-forced-colors', { active })`: Windows high-contrast mode (A11Y-03).
 * Puppeteer's emulateMediaFeatures refuses `forced-colors`, so this talks CDP directly and keeps
 * the session open (closing it would drop the emulation).
 */
function forcedColorsPlugin() {
  const sessions = new Map();
  return {
    name: 'forced-colors-command',
    async executeCommand({ command, payload, session }) {
      if (command !== 'emulate-forced-colors') return undefined;
      let cdp = sessions.get(session.id);
      if (!cdp) {
        cdp = await session.browser.getPage(session.id).createCDPSession();
        sessions.set(session.id, cdp);
      }
      const value = payload && payload.active ? 'active' : 'none';
      await cdp.send('Emulation.setEmulatedMedia', { features: [{ name: 'forced-colors', value }] });
      return true;
    },
  };
}

/**
 * `executeServerCommand('list-themes')`: the names of all `themes/*.css` files, so the theme tests
 * cover every theme on disk instead of a hand-kept list that can forget a new file.
 */
function listThemesPlugin() {
  const dir = fileURLToPath(new URL('./themes/', import.meta.url));
  return {
    name: 'list-themes-command',
    async executeCommand({ command }) {
      if (command !== 'list-themes') return undefined;
      const files = await readdir(dir);
      return files.filter((f) => f.endsWith('.css')).map((f) => f.slice(0, -4)).sort();
    },
  };
}

export default {
  files: ['test/components/**/*.test.ts'],
  nodeResolve: true,
  // One page at a time: keyboard and focus tests need the focused, visible page.
  concurrency: 1,
  concurrentBrowsers: 1,
  browserStartTimeout: 60_000,
  testsStartTimeout: 60_000,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    forcedColorsPlugin(),
    listThemesPlugin(),
    esbuildPlugin({
      ts: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_FLAGS },
    }),
  ],
};
