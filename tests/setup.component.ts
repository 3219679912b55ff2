import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// The CI machine has two cores: give findBy/waitFor room under load (they still fail when the UI never gets there).
import { configure } from '@testing-library/react';
configure({ asyncUtilTimeout: 5000 });
