/** Global story settings: German first, like the widgets; a toolbar picks any theme in themes/. */
/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';

/** Theme names from the files in themes/ (Vite globs the folder, so a new theme appears by itself). */
const THEMES = Object.keys(import.meta.glob('../themes/*.css')).map((path) => path.replace(/^.*\/|\.css$/g, ''));

const preview: Preview = {
  parameters: {
    controls: { expanded: true },
    a11y: { test: 'error' },
  },
  globalTypes: {
    theme: {
      description: 'Theme stylesheet (themes/<name>.css)',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: THEMES, dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'default' },
  decorators: [
    (story, context) => {
      // swaps the stylesheet linked in preview-head.html
      const link = document.getElementById('jc-theme');
      const href = `themes/${context.globals.theme ?? 'default'}.css`;
      if (link && link.getAttribute('href') !== href) link.setAttribute('href', href);
      return story();
    },
  ],
};

export default preview;
