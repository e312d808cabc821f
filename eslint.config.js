// Lint rules: the ecosystem's recommended sets, plus the boundary that keeps the engine free of Electron.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const noElectron = {
  'no-restricted-imports': [
    'error',
    {
      paths: [
        {
          name: 'electron',
          message: 'Only electron/main and electron/preload may import electron.',
        },
      ],
      patterns: [
        {
          group: ['electron/*'],
          message: 'Only electron/main and electron/preload may import electron.',
        },
      ],
    },
  ],
};

export default tseslint.config(
  { ignores: ['scratch/**', 'out/**', 'dist/**', '.cache/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['electron/**/*.ts', 'renderer/**/*.{ts,tsx}', 'tests/**/*.ts', 'bench/**/*.ts'],
    ignores: ['electron/main/**', 'electron/preload/**'],
    rules: noElectron,
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
