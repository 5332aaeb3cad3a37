import { defineConfig } from 'vite';

/**
 * One self-contained script, `dist/widget.js`, that the server serves at `/widget.js`: an IIFE (it runs on
 * websites that are not ours, so it defines no globals and needs no module loader).
 */
export default defineConfig({
  build: {
    outDir: 'dist',
    // One file, replaced in place: a server starting meanwhile never finds the folder empty.
    emptyOutDir: false,
    target: 'es2020',
    sourcemap: false,
    lib: {
      entry: 'src/main.ts',
      formats: ['iife'],
      name: 'SwitchboardChatWidget',
      fileName: () => 'widget.js',
    },
  },
});
