// Whole-platform tests start processes and wait for them; the per-test limit is set here because a project's
// testTimeout is not applied when Jest runs several projects together.
jest.setTimeout(60_000);
