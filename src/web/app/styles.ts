// Mantine component styles used only behind sign-in (see main.tsx for the login page's).
import '@mantine/core/styles/Burger.layer.css';
import '@mantine/core/styles/SimpleGrid.layer.css';
import '../styles/pages.css';
