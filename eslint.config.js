import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['extension/**', 'node_modules/**', 'bench/results.json', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Scripts of the test pages run in a plain browser page.
    files: ['test/e2e/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { window: 'readonly', document: 'readonly', MutationObserver: 'readonly' } },
  },
  {
    // The extension itself never renders HTML strings (tests build fixtures with innerHTML).
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'Page and dataset text is rendered as text, never HTML.' },
        { selector: "AssignmentExpression[left.property.name='innerHTML']", message: 'Never write HTML strings into the DOM.' },
      ],
    },
  },
  {
    // The background is the settings' one writer; every other part asks it (settings/save, site/set).
    files: ['src/**'],
    ignores: ['src/background/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/shared/settings'], importNames: ['saveSettings'], message: 'Ask the background to save settings (settings/save or site/set).' }] },
      ],
    },
  },
);
