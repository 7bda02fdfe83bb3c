// Mantine component styles the rating's screens use beyond the app's own (app/styles.ts):
// the radios of the form and level pickers, the points inputs, the boards' tables.
import '@mantine/core/styles/Radio.layer.css';
import '@mantine/core/styles/InlineInput.layer.css';
import '@mantine/core/styles/NumberInput.layer.css';
import '@mantine/core/styles/Table.layer.css';
// The save bar and the kept line breaks of the self-examination form, which this form copies.
import '../../styles/self-examination.css';
import './reviews.css';
