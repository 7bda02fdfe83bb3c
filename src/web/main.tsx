// Mantine styles per component, in the `mantine` CSS layer so that our own (unlayered) rules win
// whatever order lazy chunks load their CSS in. Only what the login page needs is imported here;
// the signed-in app imports the rest (app/styles.ts).
import '@mantine/core/styles/baseline.layer.css';
import '@mantine/core/styles/default-css-variables.layer.css';
import '@mantine/core/styles/global.layer.css';
import '@mantine/core/styles/UnstyledButton.layer.css';
import '@mantine/core/styles/Button.layer.css';
import '@mantine/core/styles/ActionIcon.layer.css';
import '@mantine/core/styles/Input.layer.css';
import '@mantine/core/styles/Paper.layer.css';
import '@mantine/core/styles/Stack.layer.css';
import '@mantine/core/styles/Group.layer.css';
import '@mantine/core/styles/Title.layer.css';
import '@mantine/core/styles/Text.layer.css';
import '@mantine/core/styles/Anchor.layer.css';
import '@mantine/core/styles/Loader.layer.css';
import '@mantine/core/styles/Center.layer.css';
import '@mantine/core/styles/Container.layer.css';
import './styles/app.css';
import { i18nReady } from './i18n/index.js';

import { createRoot } from 'react-dom/client';
import { Root } from './app/Root.js';

void i18nReady.then(() => createRoot(document.getElementById('root')!).render(<Root />));
