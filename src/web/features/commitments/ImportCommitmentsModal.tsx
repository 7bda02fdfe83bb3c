import './messages.js';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Table.layer.css';
import { useState } from 'react';
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.js';
import type { UnitDetail } from '../../api/types.js';
import { Notice } from '../../components/Notice.js';
import { formatPercent } from '../../lib/format.js';
import { usePhone } from '../../lib/usePhone.js';
import { unitPath, useCommitmentsChanged, type CommitmentImportBody, type CommitmentImportResponse } from './api.js';
import { ProgressBar } from '../../components/ProgressBar.js';
import { withUnit } from './CommitmentLine.js';
import { readAsBase64 } from '../../lib/files.js';
import { ImportBusy, ImportFileInput, ImportProblems } from '../../components/ImportSteps.js';

/** The server takes at most 5,000,000 base64 characters: about 3.7 MB of file. */
const MAX_BYTES = 3_700_000;

type FileData = { fileName: string; contentBase64: string };
type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; percent: number }
  | { kind: 'busy'; label: string }
  | { kind: 'preview'; file: FileData; result: CommitmentImportResponse }
  | { kind: 'problems'; message: string; problems: string[] }
  | { kind: 'done'; count: number };

/**
 * Nhập cam kết từ Excel (the layout the export writes): the file is checked first (nothing
 * written) and its lines shown; "Nhập" then writes them all. A file with problems imports
 * nothing, and every problem is listed by row.
 */
export function ImportCommitmentsModal({
  unit,
  year,
  onClose,
  onDone,
}: {
  unit: Pick<UnitDetail, 'id' | 'name'>;
  year: number;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const phone = usePhone();
  const changed = useCommitmentsChanged();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [inputKey, setInputKey] = useState(0);

  async function send(file: FileData, dryRun: boolean) {
    const body: CommitmentImportBody = { year, ...file, dryRun };
    try {
      const result = await api<CommitmentImportResponse>(unitPath(unit.id, '/commitments/import'), { method: 'POST', body });
      if (dryRun) setStep({ kind: 'preview', file, result });
      else {
        await changed();
        setStep({ kind: 'done', count: result.entries.length });
      }
    } catch (e) {
      setInputKey((k) => k + 1);
      if (isApiError(e)) setStep({ kind: 'problems', message: e.message, problems: e.fields.map((f) => f.message) });
      else setStep({ kind: 'problems', message: t('errors.generic', { status: 0 }), problems: [] });
    }
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    if (!/\.xlsx$/i.test(file.name)) {
      setStep({ kind: 'problems', message: t('commitments.import.wrongType'), problems: [] });
      return;
    }
    if (file.size > MAX_BYTES) {
      setStep({ kind: 'problems', message: t('commitments.import.tooBig'), problems: [] });
      return;
    }
    setStep({ kind: 'reading', percent: 0 });
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file, (share) => setStep({ kind: 'reading', percent: share * 100 }));
    } catch {
      setStep({ kind: 'problems', message: t('commitments.import.unreadable'), problems: [] });
      return;
    }
    setStep({ kind: 'busy', label: t('commitments.import.checking') });
    await send({ fileName: file.name, contentBase64 }, true);
  }

  const close = () => {
    if (step.kind === 'done') onDone(t('commitments.import.done', { count: step.count }));
    else onClose();
  };
  const working = step.kind === 'reading' || step.kind === 'busy';

  return (
    <Modal
      opened
      onClose={working ? () => undefined : close}
      title={t('commitments.import.title', { year })}
      fullScreen={phone}
      size="xl"
      centered
      closeOnEscape={!working}
      withCloseButton={!working}
    >
      <Stack gap="md">
        <Text size="sm">{t('commitments.import.hint', { unit: unit.name, year })}</Text>
        {!working && step.kind !== 'done' && (
          <ImportFileInput
            id="ts-cm-import-file"
            label={t('commitments.import.file')}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFile={(file) => void choose(file)}
            resetKey={inputKey}
          />
        )}

        {step.kind === 'reading' && (
          <Stack gap={6} role="status" aria-live="polite">
            <Text>{t('commitments.import.reading', { percent: formatPercent(step.percent / 100, lng) })}</Text>
            <ProgressBar value={step.percent} label={t('commitments.import.readingLabel')} />
          </Stack>
        )}
        {step.kind === 'busy' && <ImportBusy label={step.label} />}

        {step.kind === 'problems' && <ImportProblems message={step.message} problems={step.problems} />}

        {step.kind === 'preview' && (
          <>
            <Text fw={600} role="status">
              {t('commitments.import.preview', { count: step.result.entries.length, rows: step.result.rowsRead, file: step.file.fileName })}
            </Text>
            <div className="ts-mt-preview">
              <Table striped verticalSpacing={6} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('commitments.import.row')}</Table.Th>
                    <Table.Th scope="col">{t('commitments.import.subject')}</Table.Th>
                    <Table.Th scope="col">{t('commitments.import.content')}</Table.Th>
                    <Table.Th scope="col">{t('commitments.import.target')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {step.result.entries.map((e) => (
                    <Table.Tr key={e.row}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.subjectName}</Table.Td>
                      <Table.Td>
                        <div>{e.title}</div>
                        <Text size="xs" c="dimmed">
                          {t(`commitments.section.${e.section}`)} · {t(`commitments.kind.${e.kind}`)}
                        </Text>
                      </Table.Td>
                      <Table.Td className="ts-cm-nowrap">
                        {e.targetValue !== null ? withUnit(e.targetValue, e.measureUnit, lng) : '—'}
                        {e.actualValue !== null && (
                          <Text size="xs" c="dimmed">
                            {t('commitments.line.actual')}: {withUnit(e.actualValue, e.measureUnit, lng)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}

        {step.kind === 'done' && <Notice tone="success">{t('commitments.import.done', { count: step.count })}</Notice>}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close} disabled={working}>
            {step.kind === 'done' ? t('common.close') : t('common.cancel')}
          </Button>
          {step.kind === 'preview' && (
            <Button
              disabled={step.result.entries.length === 0}
              onClick={() => {
                const file = step.file;
                setStep({ kind: 'busy', label: t('commitments.import.importing') });
                void send(file, false);
              }}
            >
              {t('commitments.import.confirm', { count: step.result.entries.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
