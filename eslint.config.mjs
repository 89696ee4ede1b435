import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

// Who may import whom (STYLE.md): a service's scope never reaches another service; the layers only point down.
const DEP_CONSTRAINTS = [
  { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
  { sourceTag: 'scope:gateway', onlyDependOnLibsWithTags: ['scope:gateway', 'scope:shared'] },
  { sourceTag: 'scope:ingestion', onlyDependOnLibsWithTags: ['scope:ingestion', 'scope:shared'] },
  { sourceTag: 'scope:analytics', onlyDependOnLibsWithTags: ['scope:analytics', 'scope:shared'] },
  { sourceTag: 'scope:ml', onlyDependOnLibsWithTags: ['scope:ml', 'scope:shared'] },
  { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared'] },
  // The web dashboard runs in the browser and talks to the public API only: the typed client and contract types.
  { sourceTag: 'scope:dashboard', onlyDependOnLibsWithTags: ['type:contracts'] },
  { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data-access', 'type:domain', 'type:contracts', 'type:infra', 'type:util'] },
  // Pure domain logic (no framework, no I/O): depends on nothing but utilities and the API's rules in contracts
  // (the OEE downtime categories), which both the engines and their repositories' SQL must apply alike, and on other
  // pure libraries of its scope (ml's modelling trains with its learning algorithms and features).
  { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:util'] },
  { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'] },
  { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:util', 'type:data-access'] },
  { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util'] },
  { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:contracts', 'type:infra', 'type:util'] },
  { sourceTag: 'type:deploy', onlyDependOnLibsWithTags: ['type:testing', 'type:contracts', 'type:util'] },
];

// Tests may also use the shared testing helpers.
const SPEC_DEP_CONSTRAINTS = DEP_CONSTRAINTS.map((c) =>
  c.sourceTag.startsWith('type:') ? { ...c, onlyDependOnLibsWithTags: [...c.onlyDependOnLibsWithTags, 'type:testing'] } : c,
);

export default tseslint.config(
  { ignores: ['**/dist', '**/node_modules', '**/tmp', '**/coverage', 'reports/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...tseslint.configs.recommendedTypeChecked,
  prettier,
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { '@nx': nx },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: DEP_CONSTRAINTS,
        },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.spec-helper.ts', '**/*.e2e-spec.ts'],
    rules: {
      '@nx/enforce-module-boundaries': ['error', { enforceBuildableLibDependency: false, allow: [], depConstraints: SPEC_DEP_CONSTRAINTS }],
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
