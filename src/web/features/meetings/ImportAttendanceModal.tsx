import './messages.js';
import '../../components/modal-styles.js';
import '@mantine/core/styles/Table.layer.css';
import { useState } from 'react';
import { Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api, isApiError } from '../../api/client.js';
import { Notice } from '../../components/Notice.js';
import { usePhone } from '../../lib/usePhone.js';
import { meetingPath, type ImportBody, type ImportResponse, type MeetingDetail } from './api.js';
import { AttendanceBadge, lookOf } from './MeetingBadges.js';
import { timeOf } from '../../lib/time.js';
import { readAsBase64 } from '../../lib/files.js';
import { ImportBusy, ImportFileInput, ImportProblems } from '../../components/ImportSteps.js';

/** The server takes at most 1,000,000 base64 characters: about 730 KB of file. */
const MAX_BYTES = 730_000;

type Step =
  | { kind: 'choose' }
  | { kind: 'busy'; label: string }
  | { kind: 'preview'; file: { fileName: string; contentBase64: string }; result: ImportResponse }
  | { kind: 'problems'; message: string; problems: string[] }
  | { kind: 'done'; count: number };

/**
 * Nhập điểm danh từ tệp: the file is checked first (nothing written) and its rows shown; "Nhập"
 * then writes them all. A file with problems imports nothing, and every problem is listed by row.
 */
export function ImportAttendanceModal({
  opened,
  meeting,
  onClose,
  onImported,
}: {
  opened: boolean;
  meeting: Pick<MeetingDetail, 'id'>;
  onClose: () => void;
  onImported: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const phone = usePhone();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [inputKey, setInputKey] = useState(0);

  const close = () => {
    setStep({ kind: 'choose' });
    setInputKey((k) => k + 1);
    onClose();
  };

  async function send(file: { fileName: string; contentBase64: string }, dryRun: boolean) {
    const body: ImportBody = { ...file, dryRun };
    try {
      const result = await api<ImportResponse>(meetingPath(meeting.id, '/attendance/import'), { method: 'POST', body });
      if (dryRun) setStep({ kind: 'preview', file, result });
      else {
        await onImported();
        setStep({ kind: 'done', count: result.entries.length });
      }
    } catch (e) {
      if (isApiError(e)) {
        setStep({ kind: 'problems', message: e.message, problems: e.fields.map((f) => f.message) });
      } else setStep({ kind: 'problems', message: t('errors.generic', { status: 0 }), problems: [] });
    }
  }

  async function choose(file: File | undefined) {
    if (!file) return;
    if (!/\.(csv|xlsx)$/i.test(file.name)) {
      setStep({ kind: 'problems', message: t('meetings.import.wrongType'), problems: [] });
      return;
    }
    if (file.size > MAX_BYTES) {
      setStep({ kind: 'problems', message: t('meetings.import.tooBig'), problems: [] });
      return;
    }
    setStep({ kind: 'busy', label: t('meetings.import.reading') });
    let contentBase64: string;
    try {
      contentBase64 = await readAsBase64(file);
    } catch {
      setStep({ kind: 'problems', message: t('meetings.import.unreadable'), problems: [] });
      return;
    }
    setStep({ kind: 'busy', label: t('meetings.import.checking') });
    await send({ fileName: file.name, contentBase64 }, true);
  }

  return (
    <Modal opened={opened} onClose={close} title={t('meetings.import.title')} fullScreen={phone} size="xl" centered>
      <Stack gap="md">
        <Text size="sm">{t('meetings.import.hint')}</Text>
        {step.kind !== 'busy' && step.kind !== 'done' && (
          <ImportFileInput
            id="ts-mt-import-file"
            label={t('meetings.import.file')}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onFile={(file) => void choose(file)}
            resetKey={inputKey}
          />
        )}

        {step.kind === 'busy' && <ImportBusy label={step.label} />}

        {step.kind === 'problems' && <ImportProblems message={step.message} problems={step.problems} />}

        {step.kind === 'preview' && (
          <>
            <Text fw={600} role="status">
              {t('meetings.import.preview', { count: step.result.entries.length, rows: step.result.rowsRead, file: step.file.fileName })}
            </Text>
            <div className="ts-mt-preview">
              <Table striped verticalSpacing={6} fz="sm">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('meetings.import.row')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.import.name')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.import.status')}</Table.Th>
                    <Table.Th scope="col">{t('meetings.import.arrival')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {step.result.entries.map((e) => (
                    <Table.Tr key={e.row}>
                      <Table.Td>{e.row}</Table.Td>
                      <Table.Td>{e.fullName}</Table.Td>
                      <Table.Td>
                        <AttendanceBadge look={lookOf(e)} />
                        {(e.lateMinutes ?? 0) > 0 ? (
                          <Text size="xs" fw={600} c="#6e4300">
                            {t('meetings.door.late', { count: e.lateMinutes ?? 0 })}
                          </Text>
                        ) : e.reason ? (
                          <Text size="xs" c="dimmed">
                            {e.reason}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>{e.arrivedAt ? timeOf(e.arrivedAt) : '—'}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        )}

        {step.kind === 'done' && <Notice tone="success">{t('meetings.import.done', { count: step.count })}</Notice>}

        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={close}>
            {step.kind === 'done' ? t('common.close') : t('common.cancel')}
          </Button>
          {step.kind === 'preview' && (
            <Button
              disabled={step.result.entries.length === 0}
              onClick={() => {
                const file = step.file;
                setStep({ kind: 'busy', label: t('meetings.import.importing') });
                void send(file, false);
              }}
            >
              {t('meetings.import.confirm', { count: step.result.entries.length })}
            </Button>
          )}
        </Group>
      </Stack>
    </Modal>
  );
}
